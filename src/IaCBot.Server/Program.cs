using IaCBot.Server;

// IaCBot reads no appsettings.json, and watching for one would watch the working directory and all below it. In the
// container that directory is data_dir, so every database write and every file of every checkout woke the watcher.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
return await builder.RunIaCBotAsync(args);
