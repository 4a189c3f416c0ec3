package org.doublerandom.inspection.web.config;

import java.io.Serializable;
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

import jakarta.servlet.http.HttpServletRequest;
import org.doublerandom.inspection.account.AccountAccessChanged;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open sessions of each account with what a person needs to recognise them: browser, address, sign-in
 * time, last activity. Sessions are Spring Session's, stored in PostgreSQL and indexed by username, so every
 * instance sees the same ones and they survive a restart. Users see and end their own; an account's sessions
 * all end when it is disabled or its roles, password or second factor are changed by an administrator. An
 * ended session is marked expired in the database and refused at its next request (ConcurrentSessionFilter),
 * whichever instance receives it.
 */
@Component
public class SignedInSessions {

	/** The session attribute with the sign-in details; serialised into SPRING_SESSION_ATTRIBUTES. */
	static final String DETAILS = SignedInSessions.class.getName() + ".DETAILS";

	private static final int AGENT_LIMIT = 200;

	private final SessionRegistry registry;

	private final FindByIndexNameSessionRepository<? extends Session> repository;

	private final Clock clock;

	SignedInSessions(SessionRegistry registry, FindByIndexNameSessionRepository<? extends Session> repository,
			Clock clock) {
		this.registry = registry;
		this.repository = repository;
		this.clock = clock;
	}

	/** One session as its owner sees it; the handle names it without revealing the session id. */
	public record View(String handle, String userAgent, String clientAddress, Instant signedInAt,
			Instant lastActivity, boolean current) {
	}

	/** Kept in the session itself, so it lives and dies with it on every instance. */
	record Details(String userAgent, String clientAddress, Instant signedInAt) implements Serializable {
	}

	/** Called at sign-in, after the session id has been renewed. */
	void signedIn(HttpServletRequest request) {
		String agent = Optional.ofNullable(request.getHeader("User-Agent")).orElse("");
		if (agent.length() > AGENT_LIMIT) {
			agent = agent.substring(0, AGENT_LIMIT);
		}
		request.getSession()
			.setAttribute(DETAILS, new Details(agent, SecurityCurrentActor.clientAddress(request), this.clock.instant()));
	}

	public List<View> of(String username, String currentSessionId) {
		Map<String, ? extends Session> stored = this.repository.findByPrincipalName(username);
		return sessions(username).stream().map(info -> {
			Session session = stored.get(info.getSessionId());
			Details about = (session != null) ? session.getAttribute(DETAILS) : null;
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

	private List<SessionInformation> sessions(String username) {
		// the registry looks sessions up by principal name (the SPRING_SESSION.PRINCIPAL_NAME index)
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
