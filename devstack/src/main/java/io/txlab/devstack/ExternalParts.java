package io.txlab.devstack;

import java.util.Map;

/** The parts the environment supplies; a null URL/address means that part is embedded. */
record ExternalParts(String mysqlUrl, String mysqlUser, String mysqlPassword, String redisUrl, String namesrvAddr) {

    static ExternalParts from(Map<String, String> env) {
        String mysqlUrl = value(env, DevStack.ENV_MYSQL_URL);
        String user = value(env, DevStack.ENV_MYSQL_USER);
        String password = env.get(DevStack.ENV_MYSQL_PASSWORD);
        return new ExternalParts(mysqlUrl,
                user == null ? DevStack.EMBEDDED_MYSQL_USER : user,
                password == null ? DevStack.EMBEDDED_MYSQL_PASSWORD : password,
                value(env, DevStack.ENV_REDIS_URL),
                value(env, DevStack.ENV_NAMESRV_ADDR));
    }

    boolean mysql() {
        return mysqlUrl != null;
    }

    boolean redis() {
        return redisUrl != null;
    }

    boolean rocketMq() {
        return namesrvAddr != null;
    }

    private static String value(Map<String, String> env, String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
