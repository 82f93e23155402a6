using System;

namespace Parsec.Samples.FashionMnist;

/// <summary>Trials failed every attempt; the message names each and says where its logs are.</summary>
public sealed class TrialsFailedException(string message) : Exception(message);
