"""Small exports written for the tests, covering the cases real exports have."""

import json

WXR_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="{scheme}://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{scheme}://wordpress.org/export/1.2/">
<channel>
  <title>Harbour Times</title>
  <link>https://harbour.example</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_blog_url>https://harbour.example</wp:base_blog_url>
  <wp:author>
    <wp:author_id>1</wp:author_id>
    <wp:author_login><![CDATA[mara]]></wp:author_login>
    <wp:author_email>mara@private.example</wp:author_email>
    <wp:author_display_name><![CDATA[Mara Lind]]></wp:author_display_name>
  </wp:author>
  <wp:author>
    <wp:author_login>olek</wp:author_login>
    <wp:author_display_name>Olek Dunn</wp:author_display_name>
  </wp:author>
  <wp:category>
    <wp:term_id>3</wp:term_id>
    <wp:category_nicename>city</wp:category_nicename>
    <wp:cat_name><![CDATA[City &amp; Port]]></wp:cat_name>
  </wp:category>
  <item>
    <title>Ferry strike ends</title>
    <link>https://harbour.example/2024/03/01/ferry-strike-ends/</link>
    <dc:creator>mara</dc:creator>
    <guid isPermaLink="false">https://harbour.example/?p=10</guid>
    <content:encoded><![CDATA[The strike is over.

Crews return on Monday.
[caption id="attachment_50" align="alignnone" width="640"]<img src="https://harbour.example/wp-content/uploads/2024/03/ferry.jpg" alt="Ferry" /> The morning ferry[/caption]

[gallery ids="50,51"]

[embed]https://www.youtube.com/watch?v=abc[/embed]

[audio mp3="https://harbour.example/wp-content/uploads/2024/03/interview.mp3"]

<script>alert(1)</script>]]></content:encoded>
    <excerpt:encoded><![CDATA[<b>Crews</b> return after two weeks.]]></excerpt:encoded>
    <wp:post_id>10</wp:post_id>
    <wp:post_date>2024-03-01 14:30:00</wp:post_date>
    <wp:post_date_gmt>2024-03-01 12:30:00</wp:post_date_gmt>
    <wp:post_name>ferry-strike-ends</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <wp:post_password></wp:post_password>
    <wp:is_sticky>1</wp:is_sticky>
    <category domain="category" nicename="city"><![CDATA[City &amp; Port]]></category>
    <category domain="post_tag" nicename="transport"><![CDATA[Transport]]></category>
    <category domain="author" nicename="olek"><![CDATA[Olek Dunn]]></category>
    <category domain="author" nicename="cap-guest-writer"><![CDATA[Guest Writer]]></category>
    <category domain="author" nicename="olek"><![CDATA[Olek Dunn]]></category>
    <category domain="author" nicename="mara"><![CDATA[Mara Lind]]></category>
    <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>50</wp:meta_value></wp:postmeta>
    <wp:postmeta><wp:meta_key>_yoast_wpseo_title</wp:meta_key><wp:meta_value><![CDATA[%%title%% %%sep%% %%sitename%%]]></wp:meta_value></wp:postmeta>
    <wp:postmeta><wp:meta_key>_yoast_wpseo_metadesc</wp:meta_key><wp:meta_value><![CDATA[Ferries run again from Monday.]]></wp:meta_value></wp:postmeta>
    <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>Good news</wp:comment_content></wp:comment>
  </item>
  <item>
    <title><![CDATA[Tides &amp; Times]]></title>
    <link>https://harbour.example/2030/01/01/tides/</link>
    <dc:creator>olek</dc:creator>
    <content:encoded><![CDATA[<!-- wp:paragraph -->
<p>High water at noon.</p>
<!-- /wp:paragraph -->
<!-- wp:embed {{"url":"https://vimeo.com/123","type":"video"}} -->
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
https://vimeo.com/123
</div><figcaption>Tide film</figcaption></figure>
<!-- /wp:embed -->
<!-- wp:latest-posts /-->]]></content:encoded>
    <wp:post_id>11</wp:post_id>
    <wp:post_date>2030-01-01 09:00:00</wp:post_date>
    <wp:post_date_gmt>2030-01-01 08:00:00</wp:post_date_gmt>
    <wp:post_name>tides</wp:post_name>
    <wp:status>future</wp:status>
    <wp:post_type>post</wp:post_type>
    <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>50</wp:meta_value></wp:postmeta>
  </item>
  <item>
    <title>Unfinished piece</title>
    <dc:creator>mara</dc:creator>
    <content:encoded>Draft text.</content:encoded>
    <wp:post_id>12</wp:post_id>
    <wp:post_date>2024-03-02 10:00:00</wp:post_date>
    <wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
    <wp:post_name></wp:post_name>
    <wp:status>draft</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
  <item>
    <title>Members only</title>
    <link>https://harbour.example/2024/03/03/secret/</link>
    <dc:creator>mara</dc:creator>
    <content:encoded>Hidden.</content:encoded>
    <wp:post_id>13</wp:post_id>
    <wp:post_date_gmt>2024-03-03 10:00:00</wp:post_date_gmt>
    <wp:post_name>secret</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <wp:post_password>enter</wp:post_password>
  </item>
  <item>
    <title></title>
    <link>https://harbour.example/2024/03/04/no-title-here/</link>
    <dc:creator>mara</dc:creator>
    <content:encoded>A post without a title.</content:encoded>
    <wp:post_id>14</wp:post_id>
    <wp:post_date_gmt>2024-03-04 10:00:00</wp:post_date_gmt>
    <wp:post_name>no-title-here</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
  <item>
    <title>Ferry strike ends (again)</title>
    <link>https://harbour.example/2024/03/05/ferry-strike-ends/</link>
    <dc:creator>mara</dc:creator>
    <content:encoded>Same slug, another post.</content:encoded>
    <wp:post_id>15</wp:post_id>
    <wp:post_date_gmt>2024-03-05 10:00:00</wp:post_date_gmt>
    <wp:post_name>ferry-strike-ends</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
  <item>
    <title>About us</title>
    <link>https://harbour.example/about/</link>
    <dc:creator>mara</dc:creator>
    <content:encoded>We cover the harbour.</content:encoded>
    <wp:post_id>20</wp:post_id>
    <wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt>
    <wp:post_name>about</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>page</wp:post_type>
  </item>
  <item>
    <title>Old revision</title>
    <wp:post_id>21</wp:post_id>
    <wp:status>trash</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
  <item>
    <title>Menu link</title>
    <wp:post_id>30</wp:post_id>
    <wp:status>publish</wp:status>
    <wp:post_type>nav_menu_item</wp:post_type>
  </item>
  <item>
    <title>ferry</title>
    <wp:post_id>50</wp:post_id>
    <wp:post_parent>10</wp:post_parent>
    <wp:status>inherit</wp:status>
    <wp:post_type>attachment</wp:post_type>
    <excerpt:encoded><![CDATA[The <em>morning</em> ferry leaves Pier 3.]]></excerpt:encoded>
    <wp:attachment_url>https://harbour.example/wp-content/uploads/2024/03/ferry.jpg</wp:attachment_url>
    <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>A white ferry at the pier</wp:meta_value></wp:postmeta>
    <wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key><wp:meta_value><![CDATA[a:1:{{s:10:"image_meta";a:1:{{s:6:"credit";s:8:"Ana Berg";}}}}]]></wp:meta_value></wp:postmeta>
  </item>
  <item>
    <title>quay</title>
    <wp:post_id>51</wp:post_id>
    <wp:post_parent>10</wp:post_parent>
    <wp:status>inherit</wp:status>
    <wp:post_type>attachment</wp:post_type>
    <wp:attachment_url>//harbour.example/wp-content/uploads/2024/03/quay.jpg</wp:attachment_url>
  </item>
</channel>
</rss>
"""


def wxr(scheme="https"):
    return WXR_TEMPLATE.format(scheme=scheme)


def mobiledoc():
    return json.dumps(
        {
            "version": "0.3.1",
            "atoms": [["soft-return", "", {}]],
            "markups": [["a", ["href", "https://example.org/"]], ["strong"]],
            "cards": [
                ["image", {"src": "https://cdn.example/a.jpg", "alt": "A", "caption": "Cap"}],
                ["bookmark", {"url": "https://example.org/", "metadata": {"title": "Example"}}],
                ["code", {"code": "<b>x</b>"}],
                ["paywall", {}],
            ],
            "sections": [
                [1, "p", [[0, [], 0, "Read "], [0, [0], 1, "this"], [1, [], 0, 0]]],
                [3, "ul", [[[0, [1], 1, "one"]], [[0, [], 0, "two"]]]],
                [10, 0],
                [10, 1],
                [10, 2],
                [10, 3],
            ],
        }
    )


def lexical():
    return json.dumps(
        {
            "root": {
                "type": "root",
                "children": [
                    {
                        "type": "paragraph",
                        "children": [{"type": "text", "text": "Bold words", "format": 1}],
                    },
                    {
                        "type": "image",
                        "src": "https://cdn.example/l.jpg",
                        "alt": "L",
                        "caption": "",
                    },
                    {"type": "horizontalrule"},
                ],
            }
        }
    )


def ghost_export():
    post = {
        "type": "post",
        "status": "published",
        "visibility": "public",
        "mobiledoc": None,
        "lexical": None,
        "html": None,
        "feature_image": None,
        "custom_excerpt": None,
        "featured": False,
    }
    return {
        "db": [
            {
                "meta": {"exported_on": 1700000000000, "version": "5.0.0"},
                "data": {
                    "posts": [
                        {
                            **post,
                            "id": "p1",
                            "title": "Harbour reopens",
                            "slug": "harbour-reopens",
                            "html": '<p>Open <a href="__GHOST_URL__/tides/">again</a>.</p>'
                            '<iframe src="https://www.youtube.com/embed/x"></iframe>',
                            "feature_image": "__GHOST_URL__/content/images/2024/03/harbour.jpg",
                            "custom_excerpt": "Ships are back.",
                            "published_at": "2024-03-01T12:30:00.000Z",
                            "featured": 1,
                        },
                        {
                            **post,
                            "id": "p2",
                            "title": "Mobiledoc post",
                            "slug": "tides",
                            "mobiledoc": mobiledoc(),
                            "published_at": "2024-03-02T08:00:00.000+02:00",
                        },
                        {
                            **post,
                            "id": "p3",
                            "title": "Lexical post",
                            "slug": "lexical",
                            "lexical": lexical(),
                            "published_at": "2024-03-03 10:00:00",
                        },
                        {
                            **post,
                            "id": "p4",
                            "title": "Coming soon",
                            "slug": "coming-soon",
                            "status": "scheduled",
                            "html": "<p>Later.</p>",
                            "published_at": "2030-01-01T00:00:00.000Z",
                        },
                        {
                            **post,
                            "id": "p5",
                            "title": "Draft",
                            "slug": "draft",
                            "status": "draft",
                            "html": "<p>Not yet.</p>",
                            "published_at": None,
                        },
                        {
                            **post,
                            "id": "p6",
                            "title": "Paid story",
                            "slug": "paid-story",
                            "visibility": "paid",
                            "html": "<p>For members.</p>",
                            "published_at": "2024-03-04T00:00:00.000Z",
                        },
                        {
                            **post,
                            "id": "p7",
                            "type": "page",
                            "title": "Contact",
                            "slug": "contact",
                            "html": "<p>Write to us.</p>",
                            "published_at": "2024-01-01T00:00:00.000Z",
                        },
                    ],
                    "posts_meta": [
                        {
                            "post_id": "p1",
                            "meta_title": "Harbour reopens | Harbour Times",
                            "meta_description": "Ships are back after the storm.",
                            "feature_image_alt": "The harbour at dawn",
                            "feature_image_caption": "<span>Dawn over the quay</span>",
                        }
                    ],
                    "users": [
                        {
                            "id": "u1",
                            "name": "Mara Lind",
                            "slug": "mara",
                            "password": "$2a$10$abcdefghijklmnopqrstuvCDEFGHIJKLMNOPQRSTUVWXYZ0123",
                            "email": "mara@private.example",
                            "bio": "Port reporter.",
                            "website": "https://mara.example",
                            "twitter": "@maralind",
                            "profile_image": "//www.gravatar.com/avatar/abc?s=250",
                        },
                        {"id": "u2", "name": "Olek Dunn", "slug": "olek", "password": "x"},
                    ],
                    "posts_authors": [
                        {"post_id": "p1", "author_id": "u2", "sort_order": 1},
                        {"post_id": "p1", "author_id": "u1", "sort_order": 0},
                    ],
                    "tags": [
                        {"id": "t1", "name": "Ports", "slug": "ports"},
                        {"id": "t2", "name": "#internal", "slug": "hash-internal"},
                    ],
                    "posts_tags": [
                        {"post_id": "p1", "tag_id": "t1", "sort_order": 0},
                        {"post_id": "p1", "tag_id": "t2", "sort_order": 1},
                    ],
                    "api_keys": [{"id": "k1", "secret": "0123456789abcdef-secret-key"}],
                    "settings": [{"key": "title", "value": "Harbour Times"}],
                },
            }
        ]
    }
