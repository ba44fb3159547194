/**
 * A Kumo plugin built from the template: greetings, persisted in the plugin's own table ({@code GreetingVO}),
 * created by a job ({@link io.kumo.template.CreateGreetingOperation}, {@code POST /zstack/v1/greetings},
 * {@code kumo:create-greeting}) and queried like every Kumo resource ({@link io.kumo.template.QueryGreetingOperation},
 * {@code GET /zstack/v1/greetings}, {@code kumo:query-greeting}). Wiring: {@code OSGI-INF/blueprint/kumo-plugin-template.xml}.
 */
package io.kumo.template;
