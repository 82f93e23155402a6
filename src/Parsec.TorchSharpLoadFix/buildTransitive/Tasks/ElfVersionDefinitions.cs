#nullable enable
namespace Parsec.Build
{
    using System.Collections.Generic;

    /// <summary>Reads the SHT_GNU_verdef section (.gnu.version_d): the symbol versions a library provides.</summary>
    internal static class ElfVersionDefinitions
    {
        public const uint SectionType = 0x6ffffffd;
        private const int VerdefSize = 20;
        private const int VerdauxSize = 8;

        /// <summary>VER_FLG_BASE marks the entry naming the file itself rather than a version.</summary>
        private const ushort BaseFlag = 0x1;

        public static ISet<string> Read(ElfImage image)
        {
            var versions = new HashSet<string>();
            foreach (ElfSection section in image.SectionsOfType(SectionType))
            {
                ElfSection strings = image.LinkedStringTable(section);
                long verdef = section.Offset;

                // sh_info counts the Verdef entries; vd_next chains them.
                for (uint entry = 0; entry < section.Info; entry++)
                {
                    image.RequireInSection(section, verdef, VerdefSize, "a Verdef entry");
                    ushort structureVersion = image.ReadUInt16(verdef);
                    if (structureVersion != 1)
                    {
                        throw image.Malformed($"Verdef revision {structureVersion} is not 1");
                    }

                    // The first Verdaux names the version; any others name its parents.
                    long verdaux = verdef + image.ReadUInt32(verdef + 12);
                    image.RequireInSection(section, verdaux, VerdauxSize, "a Verdaux entry");
                    if ((image.ReadUInt16(verdef + 2) & BaseFlag) == 0)
                    {
                        versions.Add(image.ReadString(strings, image.ReadUInt32(verdaux)));
                    }

                    uint next = image.ReadUInt32(verdef + 16);
                    if (next == 0)
                    {
                        break;
                    }

                    verdef += next;
                }
            }

            return versions;
        }
    }
}
