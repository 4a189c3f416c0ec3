package org.doublerandom.inspection.web.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.doublerandom.inspection.account.AccountAccessChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open sessions of each account (Spring Security's {@link SessionRegistry}) with what a person needs to
 * recognise them: browser, address, sign-in time, last activity. Users see and end their own; an account's
 * sessions all end when it is disabled or its roles, password or second factor are changed by an
 * administrator. An ended session is refused at its next request (ConcurrentSessionFilter). Sessions live in
 * this instance's memory: with several instances behind a load balancer, use sticky sessions or move to
 * Spring Session JDBC (see docs/operations.md).
 */
@Component
public class SignedInSessions {

	private static final int AGENT_LIMIT = 200;

	private final SessionRegistry registry;

	private final Clock clock;

	private final Map<String, Details> details = new ConcurrentHashMap<>();

	SignedInSessions(SessionRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	/** One session as its owner sees it; the handle names it without revealing the session id. */
	public record View(String handle, String userAgent, String clientAddress, Instant signedInAt,
			Instant lastActivity, boolean current) {
	}

	private record Details(String userAgent, String clientAddress, Instant signedInAt) {
	}

	/** Called at sign-in, after the session id has been renewed. */
	void signedIn(HttpServletRequest request) {
		String agent = Optional.ofNullable(request.getHeader("User-Agent")).orElse("");
		if (agent.length() > AGENT_LIMIT) {
			agent = agent.substring(0, AGENT_LIMIT);
		}
		this.details.put(request.getSession().getId(),
				new Details(agent, SecurityCurrentActor.clientAddress(request), this.clock.instant()));
	}

	public List<View> of(String username, String currentSessionId) {
		return sessions(username).stream().map(info -> {
			Details about = this.details.get(info.getSessionId());
			return new View(handle(info.getSessionId()), (about != null) ? about.userAgent() : "",
					(about != null) ? about.clientAddress() : "", (about != null) ? about.signedInAt() : null,
					info.getLastRequest().toInstant(), info.getSessionId().equals(currentSessionId));
		}).sorted(Comparator.comparing(View::lastActivity).reversed()).toList();
	}

	/** Ends one of the user's own sessions by its handle; returns whether there was one. */
	public boolean end(String username, String handle) {
		Optional<SessionInformation> session = sessions(username).stream()
			.filter(info -> handle(info.getSessionId()).equals(handle))
			.findFirst();
		session.ifPresent(SessionInformation::expireNow);
		return session.isPresent();
	}

	/** Ends every session of the user except the one given (null: all). Returns how many ended. */
	public int endAll(String username, String exceptSessionId) {
		int ended = 0;
		for (SessionInformation info : sessions(username)) {
			if (!info.getSessionId().equals(exceptSessionId)) {
				info.expireNow();
				ended++;
			}
		}
		return ended;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void accessChanged(AccountAccessChanged event) {
		endAll(event.username(), null);
	}

	@EventListener
	void destroyed(SessionDestroyedEvent event) {
		this.details.remove(event.getId());
	}

	private List<SessionInformation> sessions(String username) {
		// principals compare by username (User.equals), so any User with that name finds the sessions
		return this.registry.getAllSessions(new User(username, "", List.of()), false);
	}

	static String handle(String sessionId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
