using System.IO;
using static TorchSharp.torch;

namespace Parsec.Persistence;

/// <summary>
/// Saves and restores torch's default CPU generator, which dropout, augmentation and weight initialisation draw from:
/// a checkpoint without it resumes with other random numbers than the run it continues.
/// </summary>
public static class TorchGeneratorState
{
    /// <summary>Writes the generator's state (length-prefixed bytes).</summary>
    public static void Write(BinaryWriter writer)
    {
        using var state = Generator.Default.get_state();
        var bytes = state.data<byte>().ToArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    /// <summary>Sets the generator to a state <see cref="Write"/> wrote.</summary>
    public static void Read(BinaryReader reader)
    {
        var bytes = reader.ReadBytes(reader.ReadInt32());
        if (bytes.Length == 0) throw new EndOfStreamException("The torch generator's state is missing.");
        using var state = tensor(bytes, ScalarType.Byte);
        Generator.Default.set_state(state);
    }
}
