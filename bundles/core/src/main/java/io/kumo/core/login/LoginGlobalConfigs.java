package io.kumo.core.login;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** Settings of login protection, category {@code identity}. */
public class LoginGlobalConfigs implements GlobalConfigProvider {
    public static final String CATEGORY = "identity";
    public static final String CAPTCHA_THRESHOLD = "login.captchaThreshold";
    public static final String CAPTCHA_EXPIRY = "login.captchaExpiry";

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(
                new GlobalConfigDefinition(CATEGORY, CAPTCHA_THRESHOLD, ParamType.LONG, "6",
                        "Consecutive failed logins of an account or user after which every login attempt must carry a solved captcha.",
                        1L, 1000L, List.of()),
                new GlobalConfigDefinition(CATEGORY, CAPTCHA_EXPIRY, ParamType.LONG, "300",
                        "Seconds a captcha can be answered after it was fetched.", 30L, 3600L, List.of()));
    }
}
