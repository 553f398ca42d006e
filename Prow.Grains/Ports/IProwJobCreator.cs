using Prow.Abstractions.Jobs;

namespace Prow.Grains.Ports;

/// <summary>
/// What plugins need to start and stop ProwJobs: create a job (idempotent by <c>metadata.name</c>) and
/// abort a pull request's running presubmits. The silo wires it to the ProwJob grains; plugin tests record.
/// </summary>
public interface IProwJobCreator
{
    /// <summary>Creates the job, or returns the stored one when a job of this name exists already.</summary>
    Task<ProwJob> CreateAsync(ProwJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Aborts the presubmits created for pull request <paramref name="number"/> that are not complete,
    /// except those for head <paramref name="keepSha"/> (null: all). Returns how many were asked to abort.
    /// </summary>
    Task<int> AbortPresubmitsAsync(string org, string repo, int number, string? keepSha, string description, CancellationToken cancellationToken = default);
}
