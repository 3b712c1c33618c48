namespace DocSync.Dropbox.Tests;

public sealed class DropboxClientOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        Should.NotThrow(() => new DropboxClientOptions().Validate());
    }

    [Theory]
    [InlineData("http://127.0.0.1:8180/")]
    [InlineData("http://localhost:1/")]
    [InlineData("http://[::1]:9/")]
    [InlineData("https://example.com:8443/")]
    public void Validate_HttpsOrLoopbackHttp_Passes(string uri)
    {
        Should.NotThrow(() => new DropboxClientOptions { ApiBaseUri = new Uri(uri) }.Validate());
    }

    [Fact]
    public void Validate_PlainHttpToRemoteHost_NamesFieldAndRule()
    {
        var error = Should.Throw<ArgumentException>(() => new DropboxClientOptions { ContentBaseUri = new Uri("http://example.com/") }.Validate());

        error.Message.ShouldContain("ContentBaseUri");
        error.Message.ShouldContain("loopback");
    }

    [Fact]
    public void Validate_ThresholdAboveChunk_Fails()
    {
        var options = new DropboxClientOptions { UploadChunkSize = 1024, SingleUploadThreshold = 2048 };

        Should.Throw<ArgumentException>(options.Validate).Message.ShouldContain("SingleUploadThreshold");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(151 * 1024 * 1024)]
    public void Validate_ChunkOutOfRange_Fails(int chunk)
    {
        var options = new DropboxClientOptions { UploadChunkSize = chunk, SingleUploadThreshold = 0 };

        Should.Throw<ArgumentException>(options.Validate).Message.ShouldContain("UploadChunkSize");
    }

    [Fact]
    public void Validate_BatchCommitSizeOver1000_Fails()
    {
        Should.Throw<ArgumentException>(new DropboxClientOptions { BatchCommitSize = 1001 }.Validate).Message.ShouldContain("BatchCommitSize");
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        using var http = new HttpClient();
        Should.Throw<ArgumentException>(() => new DropboxClient(http, new StaticTokenProvider("t"), new DropboxClientOptions { MaxAttempts = 0 }));
    }
}
