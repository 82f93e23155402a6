#nullable enable
namespace Parsec.Build
{
    using System.Collections.Generic;
    using System.IO;
    using System.Linq;
    using System.Text;

    /// <summary>
    /// A whole ELF64 little-endian file in memory with its section headers. Every read is bounds-checked and
    /// reports a malformed file as <see cref="ElfFormatException"/>.
    /// </summary>
    internal sealed class ElfImage
    {
        public const uint SectionTypeStringTable = 3;
        private const int HeaderSize = 64;
        private const int SectionHeaderSize = 64;
        private const byte ClassElf64 = 2;
        private const byte DataLittleEndian = 1;
        private const byte CurrentVersion = 1;

        private readonly byte[] bytes;
        private readonly string source;

        private ElfImage(byte[] bytes, string source)
        {
            this.bytes = bytes;
            this.source = source;
            if (bytes.Length < HeaderSize || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            {
                throw Malformed("it does not start with an ELF header");
            }

            if (bytes[4] != ClassElf64 || bytes[5] != DataLittleEndian || bytes[6] != CurrentVersion)
            {
                throw Malformed($"only ELF64 little-endian version 1 is supported (class {bytes[4]}, data {bytes[5]}, version {bytes[6]})");
            }

            Machine = ReadUInt16(18);
            Sections = ReadSectionHeaders();
        }

        /// <summary>The e_machine field: the loader only uses a library built for its own machine.</summary>
        public ushort Machine { get; }

        public IReadOnlyList<ElfSection> Sections { get; }

        public static ElfImage Load(string path) => new ElfImage(File.ReadAllBytes(path), path);

        public IEnumerable<ElfSection> SectionsOfType(uint type) => Sections.Where(section => section.Type == type);

        /// <summary>The string table a version section names through sh_link.</summary>
        public ElfSection LinkedStringTable(ElfSection section)
        {
            if (section.Link >= Sections.Count || Sections[(int)section.Link].Type != SectionTypeStringTable)
            {
                throw Malformed($"section {section.Index} links to section {section.Link}, which is not a string table");
            }

            return Sections[(int)section.Link];
        }

        /// <summary>Reads a NUL-terminated string that must lie wholly inside <paramref name="stringTable"/>.</summary>
        public string ReadString(ElfSection stringTable, uint offset)
        {
            RequireInFile(stringTable);
            if (offset >= stringTable.Size)
            {
                throw Malformed($"string offset {offset} is outside string table section {stringTable.Index}");
            }

            long start = stringTable.Offset + offset;
            long end = stringTable.Offset + stringTable.Size;
            for (long position = start; position < end; position++)
            {
                if (bytes[position] == 0)
                {
                    return Encoding.UTF8.GetString(bytes, (int)start, (int)(position - start));
                }
            }

            throw Malformed($"the string at offset {offset} of section {stringTable.Index} has no terminating NUL");
        }

        /// <summary>Checks that <paramref name="length"/> bytes at <paramref name="offset"/> lie inside <paramref name="section"/>.</summary>
        public void RequireInSection(ElfSection section, long offset, long length, string what)
        {
            RequireInFile(section);
            if (offset < section.Offset || length < 0 || offset + length > section.Offset + section.Size)
            {
                throw Malformed($"{what} at file offset {offset} runs outside section {section.Index}");
            }
        }

        public ushort ReadUInt16(long offset)
        {
            RequireInFile(offset, 2);
            return (ushort)(bytes[offset] | bytes[offset + 1] << 8);
        }

        public uint ReadUInt32(long offset)
        {
            RequireInFile(offset, 4);
            return (uint)(bytes[offset] | bytes[offset + 1] << 8 | bytes[offset + 2] << 16 | bytes[offset + 3] << 24);
        }

        public ulong ReadUInt64(long offset) => ReadUInt32(offset) | (ulong)ReadUInt32(offset + 4) << 32;

        public ElfFormatException Malformed(string reason) => new ElfFormatException($"{source} is not an ELF file this patcher understands: {reason}.");

        private IReadOnlyList<ElfSection> ReadSectionHeaders()
        {
            ulong tableOffset = ReadUInt64(40);
            ushort entrySize = ReadUInt16(58);
            long count = ReadUInt16(60);
            if (tableOffset == 0)
            {
                throw Malformed("it has no section header table");
            }

            if (entrySize != SectionHeaderSize)
            {
                throw Malformed($"section headers are {entrySize} bytes, not {SectionHeaderSize}");
            }

            if (tableOffset > (ulong)bytes.Length)
            {
                throw Malformed($"the section header table offset {tableOffset} is past the end of the file ({bytes.Length} bytes)");
            }

            // With 0x10000 or more sections e_shnum is 0 and the real count is the first header's sh_size.
            if (count == 0)
            {
                ulong extendedCount = ReadUInt64((long)tableOffset + 32);
                if (extendedCount > (ulong)bytes.Length / SectionHeaderSize)
                {
                    throw Malformed($"it claims {extendedCount} sections, more than the file can hold");
                }

                count = (long)extendedCount;
            }

            RequireInFile((long)tableOffset, count * SectionHeaderSize);
            var sections = new List<ElfSection>((int)count);
            for (int index = 0; index < count; index++)
            {
                long header = (long)tableOffset + (long)index * SectionHeaderSize;
                sections.Add(new ElfSection(
                    index,
                    type: ReadUInt32(header + 4),
                    offset: CheckedLength(ReadUInt64(header + 24), "sh_offset", index),
                    size: CheckedLength(ReadUInt64(header + 32), "sh_size", index),
                    link: ReadUInt32(header + 40),
                    info: ReadUInt32(header + 44)));
            }

            return sections;
        }

        private long CheckedLength(ulong value, string field, int index)
        {
            if (value > long.MaxValue / 2)
            {
                throw Malformed($"{field} of section {index} is {value}");
            }

            return (long)value;
        }

        private void RequireInFile(ElfSection section) => RequireInFile(section.Offset, section.Size, $"section {section.Index}");

        private void RequireInFile(long offset, long length, string what = "a field")
        {
            if (offset < 0 || length < 0 || offset > bytes.Length - length)
            {
                throw Malformed($"{what} at offset {offset} (length {length}) runs past the end of the file ({bytes.Length} bytes)");
            }
        }
    }
}
