#nullable enable
namespace Parsec.Build
{
    /// <summary>The fields of one ELF64 section header that the version-section readers use.</summary>
    internal sealed class ElfSection
    {
        public ElfSection(int index, uint type, long offset, long size, uint link, uint info)
        {
            Index = index;
            Type = type;
            Offset = offset;
            Size = size;
            Link = link;
            Info = info;
        }

        public int Index { get; }

        public uint Type { get; }

        public long Offset { get; }

        public long Size { get; }

        public uint Link { get; }

        public uint Info { get; }
    }
}
