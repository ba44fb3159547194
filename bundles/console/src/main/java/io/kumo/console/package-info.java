/** The web console: serves the single-page application and its product configuration over the HTTP whiteboard. */
package io.kumo.console;
