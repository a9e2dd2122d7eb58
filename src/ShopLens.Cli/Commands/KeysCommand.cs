using System.CommandLine;
using ShopLens.Cli.Output;
using ShopLens.Core.Access;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens keys create|list|revoke</c>: the API keys <c>shoplens serve</c> accepts in <c>X-Api-Key</c>, each with a role.</summary>
static class KeysCommand
{
    public static Command Build() => new("keys", $"Create, list and revoke the API keys of `shoplens serve` (roles: {string.Join(", ", ApiKeyRoles.Names)})")
    {
        Create(), List(), Revoke(),
    };

    static Command Create()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var role = new Option<string>("--role") { Description = $"What the key may do: {string.Join(", ", ApiKeyRoles.Names)}", Required = true };
        role.AcceptOnlyFromAmong([.. ApiKeyRoles.Names]);
        var name = new Option<string?>("--name") { Description = "Who or what the key is for, to recognise it in `keys list`" };
        var command = new Command("create", "Create an API key and print it, the only time it is shown") { db, role, name, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var (key, secret) = ApiKeys.Create(store, ApiKeyRoles.Parse(parse.GetValue(role)!), parse.GetValue(name));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new { key_id = key.KeyId, name = key.Name, role = ApiKeyRoles.Name(key.Role), created_at = key.CreatedAt, key = secret });
                return 0;
            }
            stdout.WriteLine(secret);
            stdout.WriteLine($"{ApiKeyRoles.Name(key.Role)} key {key.KeyId} created. This is the only time the key is shown: the store keeps only its hash.");
            return 0;
        });
        return command;
    }

    static Command List()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("list", "The API keys, revoked ones included (never their secrets)") { db, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var keys = ApiKeys.List(store);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new
                {
                    keys = keys.Select(k => new { key_id = k.KeyId, name = k.Name, role = ApiKeyRoles.Name(k.Role), created_at = k.CreatedAt, revoked_at = k.RevokedAt }),
                });
                return 0;
            }
            if (keys.Count == 0)
            {
                stdout.WriteLine($"no API keys yet: `shoplens keys create --role {string.Join("|", ApiKeyRoles.Names)}` makes one");
                return 0;
            }
            var table = new Table().AddColumn("key id").AddColumn("name").AddColumn("role").AddColumn("created (UTC)").AddColumn("revoked (UTC)");
            foreach (var k in keys)
                table.AddRow(k.KeyId, Markup.Escape(k.Name ?? ""), ApiKeyRoles.Name(k.Role), $"{k.CreatedAt:yyyy-MM-dd HH:mm}", k.RevokedAt is { } at ? $"{at:yyyy-MM-dd HH:mm}" : "");
            Screen.For(stdout).Write(table);
            return 0;
        });
        return command;
    }

    static Command Revoke()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var keyId = new Option<string>("--key-id") { Description = "The key's id, as `keys list` shows it", Required = true };
        var command = new Command("revoke", "Revoke an API key: `shoplens serve` refuses it once it reloads its keys") { db, keyId, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var id = parse.GetValue(keyId)!;
            if (!ApiKeys.Revoke(store, id)) throw new KeyNotFoundException($"no active API key '{id}' (unknown or revoked already; see `shoplens keys list`)");
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, new { key_id = id, revoked = true });
            else stdout.WriteLine($"key {id} revoked");
            return 0;
        });
        return command;
    }
}
