global using DocSync.Bench.Common;
