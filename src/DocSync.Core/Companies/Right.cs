namespace DocSync.Core.Companies;

/// <summary>What a person (through their role) or an API key may do in a company. Features check rights, never roles.</summary>
public enum Right
{
    /// <summary>See documents, their versions and files.</summary>
    ViewDocuments = 1,

    /// <summary>Create and change documents and their files.</summary>
    EditDocuments = 2,

    /// <summary>Work the inbox: turn items into documents, reject them.</summary>
    ProcessInbox = 3,

    /// <summary>Create, rename and delete binders.</summary>
    ManageBinders = 4,

    /// <summary>Work in Files: upload, make folders, rename, move, delete to the trash, restore and empty the trash.</summary>
    ManageFiles = 5,

    /// <summary>Link, pause and unlink Dropbox connections; configure export profiles and mirror rules.</summary>
    ManageDropboxConnections = 6,

    /// <summary>Create or change a collection channel (INGENEO's "paramétrage de la collecte").</summary>
    ConfigureCollection = 7,

    /// <summary>Invite people, change their roles, remove them.</summary>
    ManagePeople = 8,

    /// <summary>Create and revoke API keys.</summary>
    ManageApiKeys = 9,

    /// <summary>Read the audit log.</summary>
    ViewAudit = 10,

    /// <summary>Rename the company and change its settings.</summary>
    ManageCompany = 11,
}
