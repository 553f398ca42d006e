using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>size:</c>: lower bounds, in changed lines, of the size/* labels (XS starts at zero).</summary>
public sealed class SizeConfig : SourceLocated
{
    public const int DefaultS = 10;
    public const int DefaultM = 30;
    public const int DefaultL = 100;
    public const int DefaultXl = 500;
    public const int DefaultXxl = 1000;

    public int S { get; set; }

    public int M { get; set; }

    public int L { get; set; }

    public int Xl { get; set; }

    public int Xxl { get; set; }
}
