package io.preverified.businesses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.preverified.jdbc.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The businesses added through the API, their tokens as stored: encrypted.
 */
@Repository
class BusinessStore {

	private final JdbcClient jdbc;

	BusinessStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String COLUMNS = "id, name, paused, token_ciphertext, token_key_id";

	List<StoredBusiness> all() {
		return this.jdbc.sql("select " + COLUMNS + " from businesses order by id")
			.query(BusinessStore::business)
			.list();
	}

	Optional<StoredBusiness> find(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from businesses where id = :id")
			.param("id", id)
			.query(BusinessStore::business)
			.optional();
	}

	private static StoredBusiness business(ResultSet row, int index) throws SQLException {
		return new StoredBusiness(row.getString("id"), row.getString("name"), row.getBoolean("paused"),
				row.getString("token_ciphertext"), row.getString("token_key_id"));
	}

	/**
	 * Stores a new business.
	 * @param business the business
	 * @param at when
	 * @return whether it was stored: {@code false} when the id exists
	 */
	boolean insert(StoredBusiness business, Instant at) {
		return this.jdbc.sql("""
				insert into businesses (id, name, paused, token_ciphertext, token_key_id, created_at, updated_at)
				values (:id, :name, :paused, :token, :keyId, :at, :at)
				on conflict (id) do nothing""").params(parameters(business, at)).update() == 1;
	}

	boolean update(StoredBusiness business, Instant at) {
		return this.jdbc.sql("""
				update businesses set name = :name, paused = :paused, token_ciphertext = :token, token_key_id = :keyId,
				    updated_at = :at
				where id = :id""").params(parameters(business, at)).update() == 1;
	}

	private static Map<String, Object> parameters(StoredBusiness business, Instant at) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", business.id());
		parameters.put("name", business.name());
		parameters.put("paused", business.paused());
		parameters.put("token", business.tokenCiphertext());
		parameters.put("keyId", business.tokenKeyId());
		parameters.put("at", SqlTime.utc(at));
		return parameters;
	}

	boolean delete(String id) {
		return this.jdbc.sql("delete from businesses where id = :id").param("id", id).update() == 1;
	}

	/**
	 * A business as stored.
	 *
	 * @param id its id
	 * @param name its label
	 * @param paused whether it is paused
	 * @param tokenCiphertext its token, encrypted
	 * @param tokenKeyId the id of the key that encrypted it
	 */
	record StoredBusiness(String id, String name, boolean paused, String tokenCiphertext, String tokenKeyId) {

		StoredBusiness withName(String name) {
			return new StoredBusiness(this.id, name, this.paused, this.tokenCiphertext, this.tokenKeyId);
		}

		StoredBusiness withPaused(boolean paused) {
			return new StoredBusiness(this.id, this.name, paused, this.tokenCiphertext, this.tokenKeyId);
		}

		StoredBusiness withToken(String tokenCiphertext, String tokenKeyId) {
			return new StoredBusiness(this.id, this.name, this.paused, tokenCiphertext, tokenKeyId);
		}

	}

}
