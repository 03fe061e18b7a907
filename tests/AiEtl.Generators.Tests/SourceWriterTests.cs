namespace AiEtl.Generators.Tests;

/// <summary>The writer the emitters write through: a multi-line template is indented line by line.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void Indents_every_line_of_a_template_and_leaves_empty_lines_empty()
    {
        var writer = new SourceWriter();
        writer.WriteLine("class C");
        writer.OpenBlock();
        writer.WriteLine("int A;\n\nint B;");
        writer.CloseBlock();

        Assert.Equal("class C\n{\n    int A;\n\n    int B;\n}\n", writer.ToString());
    }

    [Fact]
    public void Writes_carriage_return_line_feed_as_line_feed()
    {
        var writer = new SourceWriter();
        writer.Indent();
        writer.WriteLine("a\r\nb");
        writer.Unindent();

        Assert.Equal("    a\n    b\n", writer.ToString());
    }
}
