/* bundle_dump.c — bundle_dump() (bundle.h): everything a bundle holds, in a stable readable
 * form, for the golden test of the default bundle (tests/test_bundle.c). */
#include "bundle.h"

#include <stdio.h>
#include <string.h>

/* Prints a text with its paragraphs on separate lines, indented. */
static void dump_text(FILE *out, const char *label, const char *text)
{
    if (!text)
        return;
    fprintf(out, "  %s:", label);
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(out, "\n    %.*s", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
    fputc('\n', out);
}

static void dump_deck(FILE *out, const char *what, const Deck *deck)
{
    for (int i = 0; i < deck->count; i++) {
        static const char *const links[] = { "", " (link: calm)", " (link: support)" };
        fprintf(out, "%s %s: %s%s\n", what, deck->cards[i].id, deck->cards[i].title, links[deck->cards[i].link]);
        dump_text(out, "text", deck->cards[i].text);
        for (int k = 0; k < deck->cards[i].item_count; k++)
            fprintf(out, "  item: %s\n", deck->cards[i].items[k]);
    }
}

void bundle_dump(const Bundle *b, FILE *out)
{
    static const char *const word_names[WORD_COUNT] = {
#define WORD_NAME(id, section, key, kind, flags, placeholders, english) section "." key,
        BUNDLE_WORDS(WORD_NAME)
#undef WORD_NAME
    };
    fprintf(out, "# screens\n");
    if (b->rtl)
        fprintf(out, "app.direction = rtl\n");
    for (int w = 0; w < WORD_COUNT; w++)
        fprintf(out, "%s = %s\n", word_names[w], b->words[w] ? b->words[w] : "(unset)");
    const TalkPart *parts;
    int talk = bundle_talk(b, &parts);
    fprintf(out, "talk.sections =%s", b->talk_count ? "" : " (default)");
    for (int i = 0; i < talk; i++)
        fprintf(out, "%s %s", i ? "," : "", bundle_talk_id(parts[i]));
    fprintf(out, "\n");

    const Quiz *q = &b->quiz;
    fprintf(out, "\n# quiz\npoints = %d, threshold = %.2f, near = %.2f\n", q->points,
            q->threshold, q->near);
    for (int i = 1; i <= q->points; i++)
        if (q->labels[i])
            fprintf(out, "label%d = %s\n", i, q->labels[i]);
    for (int i = 0; i < q->item_count; i++)
        fprintf(out, "item %s (%s%s): %s\n", q->items[i].id, quiz_dimension_id(q->items[i].dimension),
                q->items[i].reverse ? ", reversed" : "", q->items[i].text);

    for (int st = 0; st < STYLE_COUNT; st++) {
        const StyleInfo *s = &b->styles[st];
        fprintf(out, "\n# style %s: %s\n", quiz_style_id(st), s->name ? s->name : "(unset)");
        dump_text(out, "summary", s->summary);
        dump_text(out, "sounds", s->sounds);
        dump_text(out, "origins", s->origins);
        dump_text(out, "pattern", s->pattern);
        dump_text(out, "chemistry", s->chemistry);
        dump_text(out, "helps", s->helps);
        dump_deck(out, "tip", &s->tips);
        fprintf(out, "takeaway:");
        for (int i = 0; i < s->takeaway_count; i++)
            fprintf(out, " %s", s->tips.cards[s->takeaway[i]].id);
        fprintf(out, "\n");
    }

    fprintf(out, "\n# chemistry\n");
    dump_text(out, "cocktail", b->cocktail);
    for (int i = 0; i < b->chemical_count; i++) {
        const Chemical *c = &b->chemicals[i];
        fprintf(out, "chemical %s: %s, %s\n", c->id, c->name, c->nickname ? c->nickname : "(no nickname)");
        dump_text(out, "released", c->released);
        dump_text(out, "text", c->text);
        for (int k = 0; k < c->promote_count; k++)
            fprintf(out, "  promotes: %s\n", c->promotes[k]);
    }

    fprintf(out, "\n# partners\n");
    dump_deck(out, "card", &b->partners);

    const Calm *c = &b->calm;
    fprintf(out, "\n# calm\nbreathing: in %d s, hold %d s, out %d s, %d breaths\n", c->inhale,
            c->hold, c->exhale, c->breaths);
    dump_text(out, "text", c->text);
    dump_text(out, "grounding", c->grounding_title);
    dump_text(out, "grounding text", c->grounding_text);
    for (int k = 0; k < c->step_count; k++)
        fprintf(out, "  step: %s\n", c->steps[k]);
    dump_text(out, "close", c->close);

    fprintf(out, "\n# support\n");
    dump_deck(out, "card", &b->support);

    if (!b->has_pairings)
        return;
    fprintf(out, "\n# pairings\n");
    dump_text(out, "near", b->pairing_near);
    for (int i = 0; i < STYLE_COUNT; i++)
        for (int k = i; k < STYLE_COUNT; k++)
            dump_deck(out, "pair", &(Deck){ .cards = (Card *)&b->pairings[i][k], .count = 1 });
}
