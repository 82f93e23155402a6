using Parsec.Export.Tests.Infrastructure;
using Parsec.SearchSpace;
using Xunit;

namespace Parsec.Export.Tests;

/// <summary>
/// Comments on a Build call describe the supernet (it builds every candidate), which the fixed class no longer is:
/// the export drops the call line's trailing comment and the comment lines directly above it, and keeps the others.
/// </summary>
public sealed class SupernetCommentTests
{
    [Fact]
    public void Comments_on_a_Build_call_are_dropped_and_other_comments_kept()
    {
        var supernet = ChainModels.Create();

        string text = new ModelExporter().Render(supernet, ChainModels.First(supernet)).Text;

        Assert.DoesNotContain("generated:", text);
        Assert.DoesNotContain("so the supernet can run any of them", text);
        Assert.Contains("        linear = nn.Linear(features, features); // the shared layer: this comment is kept\n        BuildAct(features);\n", text);
        Assert.Contains("// A helper member of the model: exported as written.", text);
    }

    [Fact]
    public void A_comment_marker_inside_a_string_is_not_a_comment()
    {
        string member = "Log(\"see http://example.org\"); BuildAct(4); // builds every candidate";

        string kept = MemberText.WithoutCommentsOnCallsTo(member, new[] { "BuildAct" });

        Assert.Equal("Log(\"see http://example.org\"); BuildAct(4);", kept);
    }
}
