namespace DocSync.Dropbox.Http;

/// <summary>Which Dropbox host serves a route.</summary>
internal enum DropboxHost
{
    Api,
    Content,
    Notify,
}
