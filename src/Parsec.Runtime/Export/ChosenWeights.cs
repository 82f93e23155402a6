using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Parsec.Persistence;
using static TorchSharp.torch;

namespace Parsec.Export;

/// <summary>The supernet state entries of the chosen path, written in TorchSharp's <c>Module.save</c> format.</summary>
internal static class ChosenWeights
{
    /// <summary>
    /// The entries of <paramref name="supernetState"/> the fixed model has: all but those under a candidate module the
    /// architecture drops (matched by whole name segments below each cell's module path).
    /// </summary>
    public static Dictionary<string, Tensor> Select(
        IReadOnlyDictionary<string, Tensor> supernetState, IEnumerable<(string CellPath, FixedCell Cell)> cells)
    {
        var dropped = cells.ToList();
        return supernetState
            .Where(entry => !dropped.Any(cell => IsUnder(entry.Key, cell.CellPath, cell.Cell.Dropped)))
            .ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
    }

    /// <summary>Writes <paramref name="state"/> atomically; <c>Module.load</c> of the fixed model reads it.</summary>
    public static void Write(string path, Dictionary<string, Tensor> state) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            nn.Module.save_state_dict(writer, state);
            writer.Flush();
        });

    private static bool IsUnder(string key, string cellPath, IReadOnlySet<string> droppedModules)
    {
        string prefix = cellPath.Length == 0 ? "" : cellPath + ".";
        if (!key.StartsWith(prefix, StringComparison.Ordinal)) return false;
        int end = key.IndexOf('.', prefix.Length);
        return end > 0 && droppedModules.Contains(key.Substring(prefix.Length, end - prefix.Length));
    }
}
