using System;
using System.IO;
using System.Security.Cryptography;

namespace Parsec.Persistence;

/// <summary>
/// The container of a checkpoint: a magic, a version, the payload's length, the payload and its SHA-256, so a
/// truncated or corrupted file is detected before anything is restored. Writes are atomic (<see cref="AtomicFile"/>):
/// the previous checkpoint stays until the new one is complete. Search checkpoints use it, and so can any other
/// long phase of a user's run (the Fashion-MNIST sample's retraining does).
/// </summary>
public static class CheckpointFile
{
    private static ReadOnlySpan<byte> Magic => "PARSECCK"u8;
    private const int Version = 1;

    /// <summary>Replaces <paramref name="path"/> atomically with a checkpoint holding <paramref name="payload"/>.</summary>
    public static void Write(string path, byte[] payload) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write((long)payload.Length);
            writer.Write(payload);
            writer.Write(SHA256.HashData(payload));
        });

    /// <summary>The payload; a file that is not a complete, intact checkpoint is an <see cref="InvalidDataException"/> naming it.</summary>
    public static byte[] Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int header = Magic.Length + sizeof(int) + sizeof(long);
        if (bytes.Length < header || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw Corrupt(path, "it does not start with a Parsec checkpoint header");
        int version = BitConverter.ToInt32(bytes, Magic.Length);
        if (version != Version) throw Corrupt(path, $"it has version {version}; this runtime reads version {Version}");
        long length = BitConverter.ToInt64(bytes, Magic.Length + sizeof(int));
        if (length < 0 || header + length + SHA256.HashSizeInBytes != bytes.Length)
            throw Corrupt(path, $"it is {bytes.Length} bytes long but its header announces {header + length + SHA256.HashSizeInBytes} (truncated?)");
        var payload = bytes.AsSpan(header, (int)length).ToArray();
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(header + (int)length)))
            throw Corrupt(path, "its checksum does not match its content");
        return payload;
    }

    private static InvalidDataException Corrupt(string path, string reason) =>
        new($"The checkpoint '{path}' is corrupt: {reason}. It was left as it is; delete it or resume from another file.");
}
