#nullable enable
namespace Parsec.Build
{
    using System;
    using System.Collections.Generic;
    using System.IO;
    using Microsoft.Build.Framework;
    using Microsoft.Build.Utilities;

    /// <summary>
    /// The MSBuild face of <see cref="GlibcxxMarkerNeedFix"/>: applies it to copies of libLibTorchSharp.so in an
    /// output folder and reports each outcome.
    /// </summary>
    public sealed class WeakenLibTorchSharpGlibcxxNeed : Task
    {
        private const string WarningCode = "PARSECBUILD001";

        private readonly Dictionary<ushort, ISet<string>?> systemVersionsByMachine = new Dictionary<ushort, ISet<string>?>();

        [Required]
        public ITaskItem[] NativeBindings { get; set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            foreach (ITaskItem item in NativeBindings)
            {
                string path = item.GetMetadata("FullPath");
                try
                {
                    Report(path, GlibcxxMarkerNeedFix.Apply(path, SystemVersions));
                }
                catch (ElfFormatException exception)
                {
                    Log.LogWarning(null, WarningCode, null, path, 0, 0, 0, 0, "Left untouched: {0}", exception.Message);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    Log.LogWarning(null, WarningCode, null, path, 0, 0, 0, 0, "Could not mark the {0} need weak, so TorchSharp may fail to load on this system: {1}", GlibcxxMarkerNeedFix.VersionName, exception.Message);
                }
            }

            return !Log.HasLoggedErrors;
        }

        private void Report(string path, GlibcxxMarkerNeedFixOutcome outcome)
        {
            switch (outcome)
            {
                case GlibcxxMarkerNeedFixOutcome.Weakened:
                    Log.LogMessage(MessageImportance.High, "Parsec: marked the {0} need of {1} weak, because this system's {2} lacks that version; TorchSharp can now load here.", GlibcxxMarkerNeedFix.VersionName, path, GlibcxxMarkerNeedFix.LibraryName);
                    break;
                case GlibcxxMarkerNeedFixOutcome.SystemLibraryNotFound:
                    Log.LogMessage(MessageImportance.Normal, "Parsec: no system {0} found; {1} left as is.", GlibcxxMarkerNeedFix.LibraryName, path);
                    break;
                default:
                    Log.LogMessage(MessageImportance.Low, "Parsec: {0} left as is ({1}).", path, outcome);
                    break;
            }
        }

        private ISet<string>? SystemVersions(ushort machine)
        {
            if (!systemVersionsByMachine.TryGetValue(machine, out ISet<string>? versions))
            {
                string? library = LoaderLibraryLocator.Find(GlibcxxMarkerNeedFix.LibraryName, machine);
                versions = library == null ? null : ElfVersionDefinitions.Read(ElfImage.Load(library));
                systemVersionsByMachine[machine] = versions;
            }

            return versions;
        }
    }
}
