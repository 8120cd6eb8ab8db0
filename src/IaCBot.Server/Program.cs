using IaCBot.Server;

var builder = WebApplication.CreateBuilder(args);
return await builder.RunIaCBotAsync(args);
