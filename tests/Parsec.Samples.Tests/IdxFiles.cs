using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace Parsec.Samples.Tests;

/// <summary>Writes small gzip IDX files, good and broken, for the data-loading tests.</summary>
internal static class IdxFiles
{
    public static byte[] Idx(int rank, int[] dimensions, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, 0x08, (byte)rank };
        foreach (int size in dimensions)
            bytes.AddRange(new[] { (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size });
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    public static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
    }

    /// <summary>A folder with a training and a test split of <paramref name="count"/> images whose label is pixel 0 mod 10.</summary>
    public static string FashionMnistFolder(int count, int seed = 1)
    {
        string folder = Directory.CreateTempSubdirectory("parsec-fmnist-").FullName;
        var random = new Random(seed);
        foreach (var (images, labels) in new[] { ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz") })
        {
            var pixels = new byte[count * 784];
            random.NextBytes(pixels);
            var classes = new byte[count];
            for (int i = 0; i < count; i++) classes[i] = (byte)(pixels[i * 784] % 10);
            WriteGzip(Path.Combine(folder, images), Idx(3, new[] { count, 28, 28 }, pixels));
            WriteGzip(Path.Combine(folder, labels), Idx(1, new[] { count }, classes));
        }
        return folder;
    }
}
