/* Unit tests: the alias file (dg_aliases): format, merges, errors with
 * the file and JSON path, name and id keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/aliases.h"
#include "model/aliases_int.h"

static int load(dg_aliases *a, const char *json, dg_error *err)
{
    return dg_aliases_load_buf(a, json, strlen(json), "a.json", err);
}

static const char *root_of(const dg_aliases *a, const char *key)
{
    size_t i = dg_aliases_find(a, key);

    return i == (size_t)-1 ? NULL : a->ids[dg_aliases_root(a, i)].id;
}

static void test_keys(void **state)
{
    dg_fold *f = dg_fold_new();
    dg_buf b = DG_BUF_INIT;
    char cc[3];
    const char *name;

    (void)state;
    assert_int_equal(dg_name_key(&b, f, "Teodoro L. Locsin, Jr.", 22), DG_OK);
    assert_string_equal(b.ptr, "teodorollocsinjr");
    dg_buf_reset(&b);
    /* traditional, full width, middle dot */
    assert_int_equal(dg_name_key(&b, f, "特奧多羅·洛欽", strlen("特奧多羅·洛欽")), DG_OK);
    assert_string_equal(b.ptr, "特奥多罗洛钦");
    dg_buf_reset(&b);
    assert_int_equal(dg_party_key(&b, f, "person:PH:Ｌocsin  Jr"), DG_OK);
    assert_string_equal(b.ptr, "person:PH:locsinjr");
    dg_buf_reset(&b);
    assert_int_equal(dg_party_key(&b, f, "person:wang-yi"), DG_OK);
    assert_string_equal(b.ptr, "person:wang-yi");
    assert_true(dg_unknown_person("person::Wang", cc, &name));
    assert_string_equal(cc, "");
    assert_string_equal(name, "Wang");
    assert_true(dg_unknown_person("person:PH:洛钦", cc, &name));
    assert_string_equal(cc, "PH");
    assert_false(dg_unknown_person("person:wang-yi", cc, &name));
    assert_false(dg_unknown_person("country:PH", cc, &name));
    assert_false(dg_unknown_person("person:PH:", cc, &name));
    dg_buf_destroy(&b);
    dg_fold_free(f);
}

static void test_names_and_merges(void **state)
{
    dg_aliases *a = dg_aliases_new();
    dg_error err = DG_ERROR_INIT;

    (void)state;
    assert_int_equal(load(a, "{\"comment\": \"mine\", \"aliases\": ["
                             "{\"id\": \"person:wang-yi\", \"names\": [\"FM Wang\", \"王外长\"]},"
                             "{\"id\": \"person:PH:洛钦\", \"names\": [\"Teddy\"], \"comment\": \"x\"},"
                             "{\"merge\": [\"person:PH:洛欽\", \"person:teodoro-locsin-jr\"]},"
                             "{\"merge\": [\"person:x\", \"person:y\"]},"
                             "{\"merge\": [\"person:y\", \"person:z\"]}]}",
                          &err),
                     DG_OK);
    assert_int_equal(dg_aliases_count(a), 5);
    /* the earliest id names a merged person; keys fold the script */
    assert_string_equal(root_of(a, "person:teodoro-locsin-jr"), "person:PH:洛钦");
    assert_string_equal(root_of(a, "person:PH:洛钦"), "person:PH:洛钦");
    assert_string_equal(root_of(a, "person:z"), "person:x");
    assert_null(root_of(a, "person:nobody"));
    assert_int_equal(a->n_names, 3);
    assert_string_equal(a->names[1].key, "王外长");
    assert_string_equal(a->names[1].country, "");  /* from the gazetteer, later */
    assert_string_equal(a->names[2].key, "teddy");
    assert_string_equal(a->names[2].country, "PH"); /* from the id */
    assert_non_null(strstr(a->names[2].where, "a.json: aliases[1].names[0]"));
    /* a second file adds, and merges with the first */
    assert_int_equal(load(a, "{\"aliases\": [{\"merge\": [\"person:z\", \"org:ASEAN\"]}]}", &err),
                     DG_OK);
    assert_string_equal(root_of(a, "org:ASEAN"), "person:x");
    dg_aliases_free(a);
    dg_aliases_free(NULL);
}

static void test_errors_name_file_and_path(void **state)
{
    static const struct {
        const char *json;
        const char *msg;
    } bad[] = {
        { "[]", "a.json: expected a JSON object at the top" },
        { "{\"aliases\": [", "a.json:1: malformed JSON" },
        { "{\"aliases\": []} x", "a.json:1: malformed JSON" },
        { "{\n\"aliases\": [\n{\"id\": }]}", "a.json:3: malformed JSON" },
        { "{}", "a.json: aliases: missing" },
        { "{\"aliases\": {}}", "a.json: aliases: expected an array" },
        { "{\"alias\": []}", "a.json: alias: unknown key" },
        { "{\"aliases\": [1]}", "a.json: aliases[0]: expected an object" },
        { "{\"aliases\": [{\"id\": \"person:a\", \"names\": [\"A\", 3]}]}",
          "a.json: aliases[0].names[1]: expected a non-empty string" },
        { "{\"aliases\": [{}, {\"id\": \"person:a\", \"names\": []}]}",
          "a.json: aliases[0]: expected \"id\" and \"names\", or \"merge\"" },
        { "{\"aliases\": [{\"id\": \"person:a\", \"names\": []}]}",
          "a.json: aliases[0].names: expected an array of names" },
        { "{\"aliases\": [{\"id\": \"wang-yi\", \"names\": [\"W\"]}]}",
          "a.json: aliases[0].id: 'wang-yi' is not a person or organisation id" },
        { "{\"aliases\": [{\"id\": \"person:ph:x\", \"names\": [\"W\"]}]}",
          "a.json: aliases[0].id: 'person:ph:x' is not" },
        { "{\"aliases\": [{\"id\": \"person:a\", \"names\": [\"W\"], \"country\": \"ph\"}]}",
          "a.json: aliases[0].country: expected a two-letter country code" },
        { "{\"aliases\": [{\"id\": \"person:a\", \"names\": [\"W\"], \"nmes\": 1}]}",
          "a.json: aliases[0].nmes: unknown key" },
        { "{\"aliases\": [{\"merge\": [\"person:a\"]}]}",
          "a.json: aliases[0].merge: expected an array of two or more ids" },
        { "{\"aliases\": [{\"merge\": [\"person:a\", \"person:b\"], \"id\": \"person:a\"}]}",
          "a.json: aliases[0]: an entry gives either id and names, or merge" },
        { "{\"aliases\": [{\"merge\": [\"person:a\", \"\"]}]}",
          "a.json: aliases[0].merge[1]: expected a non-empty string" },
        { "{\"aliases\": [{\"id\": \"person:a\", \"names\": [\" . \"]}]}",
          "a.json: aliases[0].names[0]: ' . ' is no name" },
        { "{\"aliases\": [{\"id\": \"person:a\", \"id\": \"person:b\", \"names\": [\"W\"]}]}",
          "a.json: aliases[0].id: given twice" },
        { "{\"aliases\": [], \"x\": \"\xff\"}", "a.json: invalid UTF-8 at byte 23" },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        dg_aliases *a = dg_aliases_new();
        dg_error err = DG_ERROR_INIT;
        assert_int_equal(load(a, "{\"aliases\": [{\"merge\": [\"person:p\", \"person:q\"]}]}", &err),
                         DG_OK);
        if (load(a, bad[i].json, &err) != DG_EPARSE || !strstr(err.msg, bad[i].msg))
            fail_msg("case %zu: got '%s', want '%s'", i, err.msg, bad[i].msg);
        /* a failed file adds nothing */
        assert_int_equal(dg_aliases_count(a), 1);
        assert_int_equal(a->n_ids, 2);
        assert_int_equal(a->n_names, 0);
        assert_string_equal(root_of(a, "person:q"), "person:p");
        dg_aliases_free(a);
    }
}

static void test_failed_file_undoes_its_merges(void **state)
{
    dg_aliases *a = dg_aliases_new();
    dg_error err = DG_ERROR_INIT;

    (void)state;
    assert_int_equal(load(a, "{\"aliases\": [{\"merge\": [\"person:b\", \"person:c\"]}]}", &err), DG_OK);
    /* merges a with c, then fails: c must be b's again, a unknown */
    assert_int_equal(load(a, "{\"aliases\": [{\"merge\": [\"person:a\", \"person:c\"]}, 7]}", &err),
                     DG_EPARSE);
    assert_string_equal(root_of(a, "person:c"), "person:b");
    assert_null(root_of(a, "person:a"));
    assert_int_equal(dg_aliases_load_file(a, "/nonexistent/aliases.json", &err), DG_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent/aliases.json"));
    dg_aliases_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_names_and_merges),
        cmocka_unit_test(test_errors_name_file_and_path),
        cmocka_unit_test(test_failed_file_undoes_its_merges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
