using System;
using System.Collections.Immutable;

namespace Parsec.Data;

/// <summary>
/// A seeded xoshiro256** generator whose whole state is four integers, so a checkpoint can save and restore it
/// (<see cref="System.Random"/> cannot expose its state).
/// </summary>
public sealed class SearchRandom
{
    private ulong s0, s1, s2, s3;

    /// <summary>Creates a generator from a seed; equal seeds give equal sequences.</summary>
    public SearchRandom(long seed)
    {
        // SplitMix64 spreads the seed over the state, as the xoshiro authors recommend.
        ulong x = unchecked((ulong)seed);
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>The generator's state, to save in a checkpoint.</summary>
    public ImmutableArray<ulong> State
    {
        get => ImmutableArray.Create(s0, s1, s2, s3);
        set
        {
            if (value.Length != 4) throw new ArgumentException("A SearchRandom state has four words.", nameof(value));
            (s0, s1, s2, s3) = (value[0], value[1], value[2], value[3]);
        }
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), "The range must be positive.");
        // Rejection sampling removes the modulo bias.
        ulong limit = ulong.MaxValue - ulong.MaxValue % (ulong)count;
        ulong value;
        do value = NextUInt64(); while (value >= limit);
        return (int)(value % (ulong)count);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double NextGaussian()
    {
        double u = 1.0 - NextDouble();
        double v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>An index drawn from unnormalised non-negative <paramref name="weights"/>.</summary>
    public int NextIndex(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (double w in weights) total += w;
        double target = NextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0) continue;
            last = i;
            target -= weights[i];
            if (target < 0) return i;
        }
        // Rounding can leave a tiny remainder: the last index with weight takes it.
        return last >= 0 ? last : throw new ArgumentException("Every weight is zero.", nameof(weights));
    }

    /// <summary>A random permutation of 0..<paramref name="count"/>-1 (Fisher–Yates).</summary>
    public int[] Permutation(int count)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        for (int i = count - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private ulong NextUInt64()
    {
        ulong result = RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
