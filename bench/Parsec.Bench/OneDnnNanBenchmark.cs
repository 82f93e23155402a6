using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Parsec.Bench.Workload;
using Parsec.Data;
using Parsec.Training;
using static TorchSharp.torch;

namespace Parsec.Bench;

/// <summary>
/// Counts the passes in which libtorch returns NaN from a plain 3x3 convolution (stride 2, 48 output channels, 28x28
/// maps, batch 32), by input channel count: libtorch 2.10's oneDNN did so for 20-28 input channels on an AVX-512 CPU
/// (docs/history.md). The NaN came in a fresh process, once a second thread had run a convolution of the same
/// shape, so each count runs in child processes of its own (<c>--child CHANNELS</c>): two such convolutions, one per
/// worker thread as <c>DataParallel</c> keeps its replicas; worker 0 and then worker 1 run theirs once, then worker 0
/// runs its own <c>--iters</c> times (forward and backward of the same input), never two at once. With
/// <c>--onednn off</c> (Linux) torch's own convolutions run instead.
/// </summary>
public sealed class OneDnnNanBenchmark : IBenchmark
{
    private static readonly int[] InputChannels = { 12, 16, 20, 24, 28, 32 };
    private const int OutputChannels = 48, Size = 28, Batch = 32, Processes = 4;
    private const string ChildOption = "--child", OneDnnOption = "--onednn";

    public string Name => "onednn-nan";

    public string Description => "passes in which a 3x3 convolution returns NaN, by input channel count (a libtorch oneDNN bug)";

    public async Task<int> RunAsync(string[] args)
    {
        var options = WorkloadOptions.Parse(args, new WorkloadOptions { Warmup = 0, Iterations = 50, Threads = 1 }, out var unknown);
        bool oneDnn = true;
        int oneDnnAt = unknown.IndexOf(OneDnnOption);
        if (oneDnnAt >= 0 && oneDnnAt + 1 < unknown.Count && unknown[oneDnnAt + 1] is "on" or "off")
        {
            oneDnn = unknown[oneDnnAt + 1] == "on";
            unknown.RemoveRange(oneDnnAt, 2);
        }
        int childChannels = 0;
        bool child = unknown.Count == 2 && unknown[0] == ChildOption && int.TryParse(unknown[1], out childChannels) && childChannels > 0;
        if (unknown.Count > 0 && !child)
        {
            Console.Error.WriteLine($"onednn-nan: unknown option(s) {string.Join(' ', unknown)}; it takes --iters --threads --onednn on|off");
            return 2;
        }
        if (!oneDnn && !OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("onednn-nan: --onednn off reaches libtorch's C++ context by its Linux symbol names; run it on Linux.");
            return 2;
        }
        return child ? RunChild(childChannels, oneDnn, options) : await RunParentAsync(oneDnn, options);
    }

    private async Task<int> RunParentAsync(bool oneDnn, WorkloadOptions options)
    {
        var figures = new JsonObject { ["benchmark"] = Name, ["iters"] = options.Iterations, ["processes"] = Processes, ["threads"] = options.Threads, ["onednn"] = oneDnn ? "on" : "off" };
        foreach (int channels in InputChannels)
        {
            int nanPasses = 0, processesWithNan = 0;
            for (int process = 0; process < Processes; process++)
            {
                var arguments = new[] { Name, ChildOption, channels.ToString(), OneDnnOption, oneDnn ? "on" : "off", "--iters", options.Iterations.ToString(), "--threads", options.Threads.ToString() };
                var (_, result) = await ChildBenchmark.RunAsync(arguments, $"{channels} channels");
                if (result is null) return 2;
                int passes = (int)result["nan_passes"]!;
                nanPasses += passes;
                processesWithNan += passes > 0 ? 1 : 0;
            }
            Console.WriteLine($"{channels} input channels: {nanPasses} of {Processes * options.Iterations} passes gave NaN, in {processesWithNan} of {Processes} processes");
            figures[$"nan_passes_in{channels}"] = nanPasses;
            figures[$"processes_with_nan_in{channels}"] = processesWithNan;
        }
        Console.WriteLine(figures.ToJsonString());
        return 0;
    }

    private static int RunChild(int channels, bool oneDnn, WorkloadOptions options)
    {
        if (!oneDnn) TorchContext.DisableOneDnn();
        using var workers = new TorchWorkers(2, options.Threads);
        manual_seed(channels);
        var convolutions = Enumerable.Range(0, 2).Select(_ => nn.Conv2d(channels, OutputChannels, 3, stride: 2, padding: 1, bias: false)).ToArray();
        using var input = randn(Batch, channels, Size, Size);
        bool Pass(int worker)
        {
            using var scope = NewDisposeScope();
            convolutions[worker].zero_grad();
            var leaf = input.clone().requires_grad_(true);
            var output = convolutions[worker].call(leaf);
            output.square().sum().backward();
            return output.isnan().any().item<bool>() || leaf.grad!.isnan().any().item<bool>();
        }
        int nanPasses = 0;
        // Worker 0 first, then worker 1, one pass each: then worker 0's passes are counted.
        workers.Run(worker => { if (worker == 0) Pass(0); });
        workers.Run(worker => { if (worker == 1) Pass(1); });
        for (int pass = 0; pass < options.Iterations; pass++)
            workers.Run(worker => { if (worker == 0 && Pass(0)) nanPasses++; });
        foreach (var convolution in convolutions) convolution.Dispose();
        Console.WriteLine(new JsonObject { ["channels"] = channels, ["nan_passes"] = nanPasses }.ToJsonString());
        return 0;
    }

    /// <summary>libtorch's global context, reached by its exported C++ symbols (TorchSharp 0.107 does not wrap this switch).</summary>
    private static class TorchContext
    {
        [DllImport("torch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
        private static extern IntPtr GlobalContext();

        [DllImport("torch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
        private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

        public static void DisableOneDnn() => SetUserEnabledMkldnn(GlobalContext(), false);
    }
}
