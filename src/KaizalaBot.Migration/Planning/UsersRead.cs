namespace KaizalaBot.Migration.Planning;

/// <summary>How far a read of a customer's users has come: licence reads done of the users listed.</summary>
public readonly record struct UsersRead(int Read, int Total);
