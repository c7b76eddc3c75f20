<?php
/*
 * Debian's WordPress (/usr/share/wordpress) driven from PHP CLI for WordPressOembedIT, in a database
 * and a wp-content directory of the test's own. Debian's wp-config.php reads /etc/wordpress/config-<host>.php;
 * this script stands in for that file instead (it defines the same constants, then loads wp-settings.php),
 * so nothing outside the test's directories is written.
 *
 *   php wordpress.php install   creates the database HW_WP_DB and installs a site into it
 *   php wordpress.php embed     wp_oembed_get(HW_LESSON_URL) and a published post with the URL on a line
 *                               of its own, rendered by the_content; prints JSON
 *   php wordpress.php drop      drops the database
 *
 * Environment: HW_WP_DB (database name), HW_WP_DB_HOST (host:port; root, no password),
 * HW_WP_CONTENT (a writable directory), HW_LESSON_URL, HW_MAX_WIDTH and HW_MAX_HEIGHT (for embed).
 */
error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);

// Constants, not variables: loading WordPress unsets globals such as $action.
define('HW_ACTION', $argv[1] ?? '');
$database = getenv('HW_WP_DB');
[$db_host, $db_port] = explode(':', getenv('HW_WP_DB_HOST')) + [1 => '3306'];
if (!preg_match('/^[a-z0-9_]+$/', (string) $database)) {
    fwrite(STDERR, "HW_WP_DB must be a plain database name\n");
    exit(2);
}

function server_connection() {
    global $db_host, $db_port;
    return new mysqli($db_host, 'root', '', '', (int) $db_port);
}

if (HW_ACTION === 'drop') {
    server_connection()->query("DROP DATABASE IF EXISTS `$database`");
    exit(0);
}
if (HW_ACTION === 'install') {
    $server = server_connection();
    $server->query("DROP DATABASE IF EXISTS `$database`");
    $server->query("CREATE DATABASE `$database` CHARACTER SET utf8mb4");
    define('WP_INSTALLING', true);
} elseif (HW_ACTION !== 'embed') {
    fwrite(STDERR, "usage: php wordpress.php install|embed|drop\n");
    exit(2);
}

// What /etc/wordpress/config-<host>.php would hold, and what a web server would have put in $_SERVER.
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
define('ABSPATH', '/usr/share/wordpress/');
define('DB_NAME', $database);
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', "$db_host:$db_port");
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', getenv('HW_WP_CONTENT'));
define('WP_HOME', 'http://localhost');
define('WP_SITEURL', 'http://localhost');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
// No request leaves this machine: WordPress may only reach the Heartwise runner on loopback.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1');
$table_prefix = 'wp_';

if (HW_ACTION === 'install') {
    // Pluggable: the installer would mail the new site's password to its administrator.
    function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {
    }
}
require_once ABSPATH . 'wp-settings.php';

if (HW_ACTION === 'install') {
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    $installed = wp_install('Heartwise embed test', 'admin', 'admin@example.invalid', false, '', wp_generate_password(24));
    echo json_encode(['user_id' => $installed['user_id']]), "\n";
    exit(0);
}

// embed: WordPress fetches from loopback and from the runner's port only because these two filters say so.
$lesson_url = getenv('HW_LESSON_URL');
$runner = wp_parse_url($lesson_url);
add_filter('http_request_host_is_external', function ($external, $host) use ($runner) {
    return $external || $host === $runner['host'];
}, 10, 2);
add_filter('http_allowed_safe_ports', function ($ports, $host) use ($runner) {
    return $host === $runner['host'] ? array_merge($ports, [$runner['port']]) : $ports;
}, 10, 2);
$provider_urls = [];
add_filter('oembed_fetch_url', function ($provider_url) use (&$provider_urls) {
    $provider_urls[] = $provider_url;
    return $provider_url;
});

$oembed = _wp_oembed_get_object();
$registered = $oembed->get_provider($lesson_url, ['discover' => false]);
$html = wp_oembed_get($lesson_url, ['width' => (int) getenv('HW_MAX_WIDTH'), 'height' => (int) getenv('HW_MAX_HEIGHT')]);

// What a reader of a post sees: an administrator publishes the URL on a line of its own.
wp_set_current_user(1);
$post_id = wp_insert_post([
    'post_title' => 'A lesson',
    'post_content' => "Before the lesson.\n\n$lesson_url\n\nAfter the lesson.",
    'post_status' => 'publish',
], true);
if (is_wp_error($post_id)) {
    fwrite(STDERR, $post_id->get_error_message() . "\n");
    exit(1);
}
$GLOBALS['post'] = get_post($post_id);
setup_postdata($GLOBALS['post']);
$post_html = apply_filters('the_content', $GLOBALS['post']->post_content);

echo json_encode([
    'wordpress' => get_bloginfo('version'),
    'registered_provider' => $registered,
    'provider_urls' => $provider_urls,
    'html' => $html,
    'post_html' => $post_html,
], JSON_UNESCAPED_SLASHES), "\n";
