#nullable enable
namespace Parsec.Build
{
    using System;
    using System.Collections.Generic;
    using System.Linq;

    /// <summary>What <see cref="GlibcxxMarkerNeedFix.Apply"/> did to a file.</summary>
    internal enum GlibcxxMarkerNeedFixOutcome
    {
        Weakened,
        AlreadyWeak,
        NotNeeded,
        ProvidedBySystem,
        SystemLibraryNotFound,
    }

    /// <summary>
    /// TorchSharp 0.107's libLibTorchSharp.so needs GLIBCXX_3.4.32 (GCC 13) only for std::ios_base_library_init(), a
    /// marker symbol that no relocation uses. Marking that one need weak lets the library load on GCC 12 systems
    /// (Debian 12, Ubuntu 22.04). The need is left alone wherever the system library already provides the version.
    /// </summary>
    internal static class GlibcxxMarkerNeedFix
    {
        public const string LibraryName = "libstdc++.so.6";
        public const string VersionName = "GLIBCXX_3.4.32";

        /// <param name="bindingPath">A copy of libLibTorchSharp.so in a build or publish output.</param>
        /// <param name="systemVersions">
        /// The versions the system's libstdc++ provides for a machine (ELF e_machine), or null when there is none.
        /// </param>
        public static GlibcxxMarkerNeedFixOutcome Apply(string bindingPath, Func<ushort, ISet<string>?> systemVersions)
        {
            ElfImage binding = ElfImage.Load(bindingPath);
            ElfVersionNeed? need = ElfVersionNeeds.Read(binding)
                .FirstOrDefault(candidate => candidate.LibraryName == LibraryName && candidate.VersionName == VersionName);
            if (need == null)
            {
                return GlibcxxMarkerNeedFixOutcome.NotNeeded;
            }

            if (need.IsWeak)
            {
                return GlibcxxMarkerNeedFixOutcome.AlreadyWeak;
            }

            ISet<string>? provided = systemVersions(binding.Machine);
            if (provided == null)
            {
                return GlibcxxMarkerNeedFixOutcome.SystemLibraryNotFound;
            }

            if (provided.Contains(VersionName))
            {
                return GlibcxxMarkerNeedFixOutcome.ProvidedBySystem;
            }

            AtomicFilePatch.WriteUInt16(bindingPath, need.FlagsOffset, (ushort)(need.Flags | ElfVersionNeed.WeakFlag));
            return GlibcxxMarkerNeedFixOutcome.Weakened;
        }
    }
}
