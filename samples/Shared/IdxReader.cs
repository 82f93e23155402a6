using System;
using System.IO;
using System.IO.Compression;

namespace Parsec.Samples.FashionMnist;

/// <summary>
/// Reads gzip-compressed IDX files (the MNIST family's format: a big-endian magic number giving the element type
/// and rank, one big-endian size per dimension, then the bytes). Every defect is an <see cref="InvalidDataException"/>
/// that names the file, so a bad download never surfaces as a crash deep inside TorchSharp.
/// </summary>
public static class IdxReader
{
    private const int UnsignedByteType = 0x08;

    /// <summary>Reads an unsigned-byte IDX file of the given rank; returns its dimensions and its data.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not gzip, not IDX of that rank, or truncated.</exception>
    public static (int[] Dimensions, byte[] Data) ReadBytes(string path, int rank, int? maxItems = null)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The data file '{path}' does not exist.", path);
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            var header = ReadExactly(gzip, 4, path, "the header");
            if (header[0] != 0 || header[1] != 0 || header[2] != UnsignedByteType || header[3] != rank)
                throw new InvalidDataException(
                    $"'{path}' is not an IDX file of unsigned bytes with {rank} dimension(s) (magic {header[0]:x2}{header[1]:x2}{header[2]:x2}{header[3]:x2}).");
            var dimensions = new int[rank];
            for (int d = 0; d < rank; d++)
            {
                var size = ReadExactly(gzip, 4, path, "the dimensions");
                dimensions[d] = (size[0] << 24) | (size[1] << 16) | (size[2] << 8) | size[3];
                if (dimensions[d] < 0)
                    throw new InvalidDataException($"'{path}' declares a negative size in dimension {d}.");
            }
            if (maxItems is int limit && limit < dimensions[0]) dimensions[0] = limit;
            long itemBytes = 1;
            for (int d = 1; d < rank; d++) itemBytes *= dimensions[d];
            long total = itemBytes * dimensions[0];
            if (total > int.MaxValue)
                throw new InvalidDataException($"'{path}' declares {total} bytes of data, more than this reader supports.");
            return (dimensions, ReadExactly(gzip, (int)total, path, "the data"));
        }
        catch (InvalidDataException exception) when (!exception.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"'{path}' is not a valid gzip file: {exception.Message}", exception);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"'{path}' is truncated: the gzip stream ended early.", exception);
        }
    }

    private static byte[] ReadExactly(Stream stream, int count, string path, string part)
    {
        var buffer = new byte[count];
        int read = 0;
        while (read < count)
        {
            int n = stream.Read(buffer, read, count - read);
            if (n == 0)
                throw new InvalidDataException($"'{path}' is truncated: {part} needs {count} bytes but only {read} remain.");
            read += n;
        }
        return buffer;
    }
}
