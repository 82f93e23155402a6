#nullable enable
namespace Parsec.Build
{
    /// <summary>One Vernaux entry: a symbol version this file needs from a library, and where its flags live.</summary>
    internal sealed class ElfVersionNeed
    {
        /// <summary>VER_FLG_WEAK: the loader does not fail when the library lacks the version.</summary>
        public const ushort WeakFlag = 0x2;

        public ElfVersionNeed(string libraryName, string versionName, ushort flags, long flagsOffset)
        {
            LibraryName = libraryName;
            VersionName = versionName;
            Flags = flags;
            FlagsOffset = flagsOffset;
        }

        public string LibraryName { get; }

        public string VersionName { get; }

        public ushort Flags { get; }

        /// <summary>File offset of vna_flags, the only bytes a weakening rewrites.</summary>
        public long FlagsOffset { get; }

        public bool IsWeak => (Flags & WeakFlag) != 0;
    }
}
