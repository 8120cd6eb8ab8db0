namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// The PostgreSQL database cannot be reached or prepared as the server starts. The message names the server and
/// database, never the connection string, which holds a password.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception innerException) : Exception(message, innerException);
