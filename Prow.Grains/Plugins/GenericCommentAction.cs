namespace Prow.Grains.Plugins;

/// <summary>Prow's <c>GenericCommentEventAction</c>: what happened to the text.</summary>
public enum GenericCommentAction
{
    /// <summary>created, opened or submitted.</summary>
    Created,
    Edited,
    /// <summary>deleted or dismissed.</summary>
    Deleted,
}
