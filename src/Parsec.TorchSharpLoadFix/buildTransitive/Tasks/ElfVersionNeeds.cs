#nullable enable
namespace Parsec.Build
{
    using System.Collections.Generic;

    /// <summary>Reads the SHT_GNU_verneed section (.gnu.version_r): every version the file needs, per library.</summary>
    internal static class ElfVersionNeeds
    {
        public const uint SectionType = 0x6ffffffe;
        private const int VerneedSize = 16;
        private const int VernauxSize = 16;

        public static IReadOnlyList<ElfVersionNeed> Read(ElfImage image)
        {
            var needs = new List<ElfVersionNeed>();
            foreach (ElfSection section in image.SectionsOfType(SectionType))
            {
                ElfSection strings = image.LinkedStringTable(section);
                long verneed = section.Offset;

                // sh_info counts the Verneed entries; vn_next chains them.
                for (uint entry = 0; entry < section.Info; entry++)
                {
                    image.RequireInSection(section, verneed, VerneedSize, "a Verneed entry");
                    ushort structureVersion = image.ReadUInt16(verneed);
                    if (structureVersion != 1)
                    {
                        throw image.Malformed($"Verneed revision {structureVersion} is not 1");
                    }

                    ushort auxCount = image.ReadUInt16(verneed + 2);
                    string library = image.ReadString(strings, image.ReadUInt32(verneed + 4));
                    long vernaux = verneed + image.ReadUInt32(verneed + 8);
                    for (int aux = 0; aux < auxCount; aux++)
                    {
                        image.RequireInSection(section, vernaux, VernauxSize, "a Vernaux entry");
                        string version = image.ReadString(strings, image.ReadUInt32(vernaux + 8));
                        needs.Add(new ElfVersionNeed(library, version, image.ReadUInt16(vernaux + 4), vernaux + 4));
                        uint nextAux = image.ReadUInt32(vernaux + 12);
                        if (nextAux == 0)
                        {
                            break;
                        }

                        vernaux += nextAux;
                    }

                    uint next = image.ReadUInt32(verneed + 12);
                    if (next == 0)
                    {
                        break;
                    }

                    verneed += next;
                }
            }

            return needs;
        }
    }
}
