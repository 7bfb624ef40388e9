namespace OrderClose.Tools.Chaos;

/// <summary>How a restart ends the runner (<c>--kill</c>).</summary>
public enum KillMode
{
    /// <summary>The runner runs in the chaos process; a restart stops its host without letting work finish.</summary>
    InProcess,

    /// <summary>The runner is a child process; a restart ends it with SIGKILL.</summary>
    Process,
}
