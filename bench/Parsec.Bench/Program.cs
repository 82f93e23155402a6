using System;
using System.Linq;
using Parsec.Bench;

// Every IBenchmark in this assembly is a command: adding a benchmark is adding a class.
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(type => typeof(IBenchmark).IsAssignableFrom(type) && !type.IsAbstract && !type.IsInterface)
    .Select(type => (IBenchmark)Activator.CreateInstance(type)!)
    .OrderBy(benchmark => benchmark.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.Error.WriteLine(args.Length == 0 ? "Name a benchmark." : $"No benchmark is named '{args[0]}'.");
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Parsec.Bench -- <name> [options]");
    foreach (var benchmark in benchmarks)
        Console.Error.WriteLine($"  {benchmark.Name,-10} {benchmark.Description}");
    return 2;
}
return await chosen.RunAsync(args[1..]);
