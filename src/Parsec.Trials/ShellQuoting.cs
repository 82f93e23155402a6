using System.Globalization;
using System.Linq;
using System.Text;

namespace Parsec.Trials;

/// <summary>Bash quoting for the values a generated batch script carries.</summary>
internal static class ShellQuoting
{
    /// <summary>
    /// <paramref name="value"/> as one bash word that expands to exactly itself. Inside single quotes nothing is
    /// special, and a single quote is written as '\'' (close, escaped quote, reopen). A value with control characters
    /// (a newline, say) is written in ANSI-C quotes ($'...') with those characters escaped, so that the script has no
    /// line that a value began: sbatch could otherwise read a value's line that starts with #SBATCH.
    /// </summary>
    public static string Quote(string value)
    {
        if (!value.Any(char.IsControl)) return "'" + value.Replace("'", "'\\''") + "'";
        var quoted = new StringBuilder("$'");
        foreach (char character in value)
        {
            quoted.Append(character switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                _ when character < 0x80 && char.IsControl(character) => "\\x" + ((int)character).ToString("x2", CultureInfo.InvariantCulture),
                _ when char.IsControl(character) => "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }
        return quoted.Append('\'').ToString();
    }
}
