using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Parsec.Packaging.Tests;

/// <summary>
/// Assembles a minimal ELF64 little-endian file whose only content is a .gnu.version_r section (with its .dynstr)
/// listing version needs per library, the way libLibTorchSharp.so lists its libstdc++ and libc needs.
/// </summary>
internal sealed class VersionNeedElfBuilder
{
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int EntrySize = 16;
    private readonly List<(string Library, List<(string Version, ushort Flags)> Versions)> libraries = new();

    public VersionNeedElfBuilder Need(string library, string version, ushort flags = 0)
    {
        var entry = libraries.FirstOrDefault(l => l.Library == library);
        if (entry.Versions == null)
        {
            entry = (library, new List<(string, ushort)>());
            libraries.Add(entry);
        }

        entry.Versions.Add((version, flags));
        return this;
    }

    /// <summary>The file, and the file offset of each need's vna_flags keyed by "library/version".</summary>
    public (byte[] Bytes, IReadOnlyDictionary<string, long> FlagsOffsets) Build()
    {
        var strings = new StringTable();
        var needs = new MemoryStream();
        var needWriter = new BinaryWriter(needs);
        var relativeFlagsOffsets = new Dictionary<string, long>();
        for (int l = 0; l < libraries.Count; l++)
        {
            var (library, versions) = libraries[l];
            bool lastLibrary = l == libraries.Count - 1;
            needWriter.Write((ushort)1);
            needWriter.Write((ushort)versions.Count);
            needWriter.Write(strings.Add(library));
            needWriter.Write((uint)EntrySize);
            needWriter.Write(lastLibrary ? 0u : (uint)(EntrySize * (1 + versions.Count)));
            for (int v = 0; v < versions.Count; v++)
            {
                relativeFlagsOffsets[$"{library}/{versions[v].Version}"] = needs.Position + 4;
                needWriter.Write(0u);
                needWriter.Write(versions[v].Flags);
                needWriter.Write((ushort)(v + 2));
                needWriter.Write(strings.Add(versions[v].Version));
                needWriter.Write(v == versions.Count - 1 ? 0u : (uint)EntrySize);
            }
        }

        var sectionNames = new StringTable();
        byte[] dynstr = strings.ToArray();
        byte[] versionR = needs.ToArray();
        uint dynstrName = sectionNames.Add(".dynstr");
        uint versionRName = sectionNames.Add(".gnu.version_r");
        uint shstrtabName = sectionNames.Add(".shstrtab");
        byte[] shstrtab = sectionNames.ToArray();

        long dynstrOffset = HeaderSize;
        long versionROffset = Align8(dynstrOffset + dynstr.Length);
        long shstrtabOffset = versionROffset + versionR.Length;
        long sectionHeadersOffset = Align8(shstrtabOffset + shstrtab.Length);

        var file = new MemoryStream();
        var writer = new BinaryWriter(file);
        writer.Write(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        writer.Write((ushort)3);     // ET_DYN
        writer.Write((ushort)62);    // EM_X86_64
        writer.Write(1u);
        writer.Write(0UL);           // e_entry
        writer.Write(0UL);           // e_phoff
        writer.Write((ulong)sectionHeadersOffset);
        writer.Write(0u);
        writer.Write((ushort)HeaderSize);
        writer.Write((ushort)56);
        writer.Write((ushort)0);
        writer.Write((ushort)SectionHeaderSize);
        writer.Write((ushort)4);
        writer.Write((ushort)3);
        WriteAt(writer, dynstrOffset, dynstr);
        WriteAt(writer, versionROffset, versionR);
        WriteAt(writer, shstrtabOffset, shstrtab);
        file.Position = sectionHeadersOffset;
        WriteSectionHeader(writer, 0, 0, 0, 0, 0, 0);
        WriteSectionHeader(writer, dynstrName, 3, dynstrOffset, dynstr.Length, 0, 0);
        WriteSectionHeader(writer, versionRName, 0x6ffffffe, versionROffset, versionR.Length, 1, (uint)libraries.Count);
        WriteSectionHeader(writer, shstrtabName, 3, shstrtabOffset, shstrtab.Length, 0, 0);

        return (file.ToArray(), relativeFlagsOffsets.ToDictionary(pair => pair.Key, pair => pair.Value + versionROffset));
    }

    private static long Align8(long offset) => (offset + 7) & ~7L;

    private static void WriteAt(BinaryWriter writer, long offset, byte[] bytes)
    {
        writer.BaseStream.Position = offset;
        writer.Write(bytes);
    }

    private static void WriteSectionHeader(BinaryWriter writer, uint name, uint type, long offset, long size, uint link, uint info)
    {
        writer.Write(name);
        writer.Write(type);
        writer.Write(0UL);           // sh_flags
        writer.Write(0UL);           // sh_addr
        writer.Write((ulong)offset);
        writer.Write((ulong)size);
        writer.Write(link);
        writer.Write(info);
        writer.Write(1UL);           // sh_addralign
        writer.Write(0UL);           // sh_entsize
    }

    private sealed class StringTable
    {
        private readonly MemoryStream bytes = new();

        // Offset 0 is the empty string, as in every ELF string table.
        public StringTable() => bytes.WriteByte(0);

        public uint Add(string text)
        {
            uint offset = (uint)bytes.Length;
            byte[] encoded = Encoding.UTF8.GetBytes(text);
            bytes.Write(encoded, 0, encoded.Length);
            bytes.WriteByte(0);
            return offset;
        }

        public byte[] ToArray() => bytes.ToArray();
    }
}
