using System.Text;
using System.Text.Json;
using DocSync.Dropbox.Json;

namespace DocSync.Dropbox.Tests.Json;

public sealed class DropboxJsonTests
{
    [Fact]
    public void HeaderSafe_DropboxExample_EscapesEveryUnitFrom7F()
    {
        // The example on Dropbox's JSON-encoding page.
        var json = "{\"field\":\"some_üñîcødé_and_\u007f\"}";

        DropboxJson.HeaderSafe(json).ShouldBe("{\"field\":\"some_\\u00fc\\u00f1\\u00eec\\u00f8d\\u00e9_and_\\u007f\"}");
    }

    [Fact]
    public void HeaderSafe_Emoji_BecomesSurrogatePair()
    {
        DropboxJson.HeaderSafe("\"😀\"").ShouldBe("\"\\ud83d\\ude00\"");
    }

    [Fact]
    public void HeaderSafe_Ascii_Unchanged()
    {
        DropboxJson.HeaderSafe("{\"path\":\"/a b\"}").ShouldBe("{\"path\":\"/a b\"}");
    }

    [Fact]
    public void HeaderSafe_Output_IsAsciiAndRoundTrips()
    {
        var original = "{\"path\":\"/Ünïcödé/שלום/😀/e\u0301\"}";
        var safe = DropboxJson.HeaderSafe(original);

        safe.All(c => c < 0x7F).ShouldBeTrue();
        JsonDocument.Parse(safe).RootElement.GetProperty("path").GetString().ShouldBe("/Ünïcödé/שלום/😀/e\u0301");
    }

    [Theory]
    [InlineData("{\".tag\":\"path\",\"path\":{\".tag\":\"not_found\"}}", "path/not_found")]
    [InlineData("{\".tag\":\"path\",\"reason\":{\".tag\":\"conflict\",\"conflict\":{\".tag\":\"file\"}},\"upload_session_id\":\"x\"}", "path/conflict/file")]
    [InlineData("{\".tag\":\"lookup_failed\",\"lookup_failed\":{\".tag\":\"incorrect_offset\",\"correct_offset\":5}}", "lookup_failed/incorrect_offset")]
    [InlineData("{\".tag\":\"reset\"}", "reset")]
    [InlineData("{\".tag\":\"some_future_tag\",\"some_future_tag\":{\".tag\":\"deeper\"}}", "some_future_tag/deeper")]
    public void TagPath_ErrorUnions_JoinTags(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        DropboxJson.TagPath(document.RootElement).ShouldBe(expected);
    }

    [Fact]
    public void FindLong_NestedCorrectOffset_Found()
    {
        using var document = JsonDocument.Parse("{\".tag\":\"lookup_failed\",\"lookup_failed\":{\".tag\":\"incorrect_offset\",\"correct_offset\":1252}}");

        DropboxJson.FindLong(document.RootElement, "correct_offset").ShouldBe(1252);
    }

    [Fact]
    public void Deserialize_UnknownMetadataTag_IsPlainMetadata()
    {
        var json = "{\"entries\":[{\".tag\":\"symlink_of_the_future\",\"name\":\"x\",\"path_lower\":\"/x\"},"
            + "{\"name\":\"a.pdf\",\".tag\":\"file\",\"id\":\"id:1\",\"rev\":\"0123456789\",\"size\":3,\"client_modified\":\"2024-01-02T03:04:05Z\","
            + "\"server_modified\":\"2024-01-02T03:04:05Z\",\"new_field\":{\".tag\":\"x\"}}],\"cursor\":\"c\",\"has_more\":false}";

        var page = DropboxJson.Deserialize<ListFolderPage>(Encoding.UTF8.GetBytes(json), "files/list_folder");

        page.Entries[0].GetType().ShouldBe(typeof(Metadata));
        page.Entries[0].Name.ShouldBe("x");
        var file = page.Entries[1].ShouldBeOfType<FileMetadata>();
        file.Size.ShouldBe(3);
        file.ServerModified.ShouldBe(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
    }

    [Fact]
    public void Deserialize_UnknownUnionTag_KeptAsText()
    {
        var json = "{\"account_id\":\"dbid:x\",\"account_type\":{\".tag\":\"enterprise_plus\"},\"root_info\":{\".tag\":\"galaxy\",\"root_namespace_id\":\"1\",\"home_namespace_id\":\"1\"}}";

        var account = DropboxJson.Deserialize<FullAccount>(Encoding.UTF8.GetBytes(json), "users/get_current_account");

        account.AccountType.ShouldBe("enterprise_plus");
        account.RootInfo.Kind.ShouldBe("galaxy");
    }

    [Fact]
    public void Deserialize_Garbage_ThrowsDropboxApiException()
    {
        var error = Should.Throw<DropboxApiException>(() => DropboxJson.Deserialize<ListFolderPage>("not json"u8.ToArray(), "files/list_folder"));

        error.Route.ShouldBe("files/list_folder");
        error.IsTransient.ShouldBeFalse();
    }
}
