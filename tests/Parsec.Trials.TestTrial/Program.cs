using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Parsec.Trials;

// A stand-in for a training run, for the executors' tests: it sleeps instead of training and writes a result that
// depends only on its id, or misbehaves as told. Started as `drive ...` it is instead a driver (see TestDriver).
//   --sleep <seconds>        how long the "training" takes (default 0.2)
//   --starts <directory>     creates <id>~<process id> in the directory when it starts (the tests count starts with it)
//   --fail                   writes an error and exits with code 3 without a result
//   --fail-starts <n>        fails like --fail while the starts directory records at most n starts of this trial
//   --nan                    writes NaN as the accuracy
//   --claim <id>             writes a result that names another trial
//   --garbage                writes a result file that is not JSON
if (args is ["drive", .. var driverArguments]) return TestDriver.Run(driverArguments);
var command = TrialCommandLine.Parse(args);
var options = command.Remaining;
string? Value(string name) => options.SkipWhile(option => option != name).Skip(1).FirstOrDefault();
bool Flag(string name) => options.Contains(name);

var clock = Stopwatch.StartNew();
Console.WriteLine($"trial {command.TrialId} started at {DateTime.UtcNow:O}");
Console.WriteLine($"arguments: {JsonSerializer.Serialize(options)}");
int starts = 1;
if (Value("--starts") is { } startsDirectory)
{
    // One file per start, named <id>~<process id>: separate files, since appends from two processes can interleave.
    Directory.CreateDirectory(startsDirectory);
    File.WriteAllText(Path.Combine(startsDirectory, $"{command.TrialId}~{Environment.ProcessId}"), "");
    starts = Directory.GetFiles(startsDirectory, command.TrialId + "~*").Length;
}
Thread.Sleep(TimeSpan.FromSeconds(double.Parse(Value("--sleep") ?? "0.2", CultureInfo.InvariantCulture)));

int failStarts = int.Parse(Value("--fail-starts") ?? "0", CultureInfo.InvariantCulture);
if (Flag("--fail") || starts <= failStarts)
{
    Console.Error.WriteLine($"trial {command.TrialId}: failing on purpose (start {starts})");
    return 3;
}
if (Flag("--garbage"))
{
    File.WriteAllText(command.ResultPath, "this is not a trial result");
    return 0;
}

// The score is a function of the id alone, so two executors running the same trial agree exactly.
int code = command.TrialId.Aggregate(17, (hash, character) => unchecked(hash * 31 + character));
double accuracy = Flag("--nan") ? double.NaN : 0.5 + (Math.Abs(code) % 400) / 1000.0;
double[] losses = [2.0, 1.0, 1.0 - accuracy / 2];
new TrialResult(Value("--claim") ?? command.TrialId, accuracy, losses, 1000 + Math.Abs(code) % 5000, clock.Elapsed.TotalSeconds, null)
    .Write(command.ResultPath);
Console.WriteLine($"trial {command.TrialId} finished at {DateTime.UtcNow:O}");
return 0;
