#nullable enable
namespace Parsec.Build
{
    using System;

    /// <summary>A file is not an ELF image this code understands, or its structures point outside it.</summary>
    internal sealed class ElfFormatException : Exception
    {
        public ElfFormatException(string message) : base(message)
        {
        }
    }
}
