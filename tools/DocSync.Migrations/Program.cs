using DocSync.Migrations;

return MigrationsTool.Run(args, Console.Out, Console.Error);
