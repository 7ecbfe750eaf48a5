namespace KaizalaBot.Migration.Planning;

/// <summary>How far a user listing has got: <see cref="Read"/> of <see cref="Total"/> users' licences read.</summary>
public sealed record UserReadProgress(int Read, int Total);
