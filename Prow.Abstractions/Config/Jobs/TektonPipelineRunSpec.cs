using System.Text.Json.Nodes;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>A Tekton PipelineRunSpec by API version.</summary>
public sealed class TektonPipelineRunSpec
{
    [YamlDotNet.Serialization.YamlMember(Alias = "v1beta1")]
    public JsonObject? V1Beta1 { get; set; }
}
