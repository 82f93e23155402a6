using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export;

/// <summary>
/// Reads a supernet's weights file (TorchSharp's <c>Module.save</c> format) after checking every entry against the
/// model: a file of another model is an error naming the first entry that does not fit.
/// </summary>
internal static class SupernetWeightsFile
{
    // More dimensions than any tensor has: the bytes are not a tensor header.
    private const int MaxRank = 64;

    /// <summary>The file's tensors by state name, created in the caller's dispose scope.</summary>
    /// <exception cref="InvalidDataException">The file is not a weights file of <paramref name="model"/>.</exception>
    public static Dictionary<string, Tensor> Read(string path, nn.Module model)
    {
        var expected = model.state_dict();
        var loaded = new Dictionary<string, Tensor>();
        InvalidDataException Mismatch(string problem) =>
            new($"'{path}' is not a weights file of {model.GetType().FullName}: {problem}. Nothing was written.");

        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        try
        {
            long count = ReadLength(reader);
            for (long entry = 0; entry < count; entry++)
            {
                string name = reader.ReadString();
                long start = stream.Position;
                var type = (ScalarType)ReadLength(reader);
                long rank = ReadLength(reader);
                if (rank > MaxRank) throw Mismatch($"'{name}' claims {rank} dimensions (it is not a TorchSharp weights file)");
                var shape = new long[rank];
                for (int d = 0; d < shape.Length; d++) shape[d] = ReadLength(reader);
                if (!expected.TryGetValue(name, out var target))
                    throw Mismatch($"its entry '{name}' is not a parameter or buffer of the model");
                if (type != target.dtype || !shape.SequenceEqual(target.shape))
                    throw Mismatch($"'{name}' is {type} [{string.Join(", ", shape)}] in the file but {target.dtype} [{string.Join(", ", target.shape)}] in the model");
                stream.Position = start;
                var tensor = empty(shape, type);
                tensor.Load(reader);
                loaded.Add(name, tensor);
            }
        }
        catch (Exception problem) when (problem is EndOfStreamException or FormatException)
        {
            throw Mismatch("it is truncated, or not a TorchSharp weights file");
        }
        string? missing = expected.Keys.FirstOrDefault(name => !loaded.ContainsKey(name));
        if (missing is not null) throw Mismatch($"it has no entry for '{missing}'");
        if (stream.Position != stream.Length) throw Mismatch("it has data after its last entry");
        return loaded;
    }

    /// <summary>A LEB128-coded non-negative integer, as TorchSharp writes counts, types and dimensions.</summary>
    private static long ReadLength(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte next = reader.ReadByte();
            value |= (long)(next & 0x7F) << shift;
            if ((next & 0x80) == 0) return value;
        }
        throw new FormatException("A LEB128 number runs over 64 bits.");
    }
}
