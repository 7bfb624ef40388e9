namespace OrderClose.Tools.Progress;

/// <summary>Whether a run prints its progress line: <see cref="Auto"/> only to a terminal, <c>--progress</c> always, <c>--quiet</c> never.</summary>
public enum ProgressMode
{
    Auto,
    Always,
    Never,
}
