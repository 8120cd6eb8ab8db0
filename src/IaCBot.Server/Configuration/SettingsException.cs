namespace IaCBot.Server.Configuration;

/// <summary>A setting or settings file that stops start-up; the message is for the person starting IaCBot.</summary>
internal sealed class SettingsException(string message, Exception? inner = null) : Exception(message, inner);
